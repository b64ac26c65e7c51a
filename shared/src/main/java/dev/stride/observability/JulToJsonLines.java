package dev.stride.observability;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging (EclipseLink's JavaLogger, the PostgreSQL driver, Hibernate Validator
 * through jboss-logging) to {@link JsonLines}, so that no library writes a plain-text line.
 */
public final class JulToJsonLines extends Handler {

    private static volatile boolean installed;

    private final SimpleFormatter formatter = new SimpleFormatter();

    /** Replaces the root logger's handlers (the console one writes text to stderr) with this. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JulToJsonLines());
        root.setLevel(JsonLines.enabled(JsonLines.Level.DEBUG) ? Level.FINE : Level.INFO);
        installed = true;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        JsonLines.log(level(record.getLevel()), record.getLoggerName(), formatter.formatMessage(record), record.getThrown());
    }

    private static JsonLines.Level level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return JsonLines.Level.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return JsonLines.Level.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return JsonLines.Level.INFO;
        }
        return value >= Level.FINE.intValue() ? JsonLines.Level.DEBUG : JsonLines.Level.TRACE;
    }

    @Override
    public void flush() {
        System.out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
