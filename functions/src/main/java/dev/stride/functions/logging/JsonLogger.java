package dev.stride.functions.logging;

import dev.stride.observability.JsonLines;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger: formats the message SLF4J's way and hands it to {@link JsonLines}. */
final class JsonLogger extends LegacyAbstractLogger {

    JsonLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return JsonLines.enabled(JsonLines.Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return JsonLines.enabled(JsonLines.Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return JsonLines.enabled(JsonLines.Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return JsonLines.enabled(JsonLines.Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return JsonLines.enabled(JsonLines.Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
        var formatted = MessageFormatter.arrayFormat(pattern, arguments, error);
        JsonLines.log(JsonLines.Level.valueOf(level.name()), name, formatted.getMessage(), formatted.getThrowable());
    }
}
