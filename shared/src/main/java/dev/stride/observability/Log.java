package dev.stride.observability;

/**
 * Stride's own loggers: SLF4J's call shape ({@code {}} placeholders, a trailing throwable) written
 * straight to {@link JsonLines}, so a function's cold start does not start a logging API (SLF4J's
 * service lookup and its ~40 classes) to write the few lines Stride writes. The first logger also
 * routes java.util.logging (EclipseLink, the PostgreSQL driver) to JSON lines, as the zip's SLF4J
 * binding does for the libraries that log through SLF4J (the AWS SDK, Flyway).
 */
public final class Log {

    static {
        JulToJsonLines.install();
    }

    private final String name;

    private Log(String name) {
        this.name = name;
    }

    public static Log of(Class<?> owner) {
        return new Log(owner.getName());
    }

    public void error(String pattern, Object... arguments) {
        log(JsonLines.Level.ERROR, pattern, arguments);
    }

    public void warn(String pattern, Object... arguments) {
        log(JsonLines.Level.WARN, pattern, arguments);
    }

    public void info(String pattern, Object... arguments) {
        log(JsonLines.Level.INFO, pattern, arguments);
    }

    private void log(JsonLines.Level level, String pattern, Object[] arguments) {
        if (!JsonLines.enabled(level)) {
            return;
        }
        StringBuilder message = new StringBuilder(pattern.length() + 32);
        int used = 0;
        int from = 0;
        for (int at = pattern.indexOf("{}"); at >= 0 && used < arguments.length; at = pattern.indexOf("{}", from)) {
            message.append(pattern, from, at).append(arguments[used++]);
            from = at + 2;
        }
        message.append(pattern, from, pattern.length());
        // As SLF4J: a throwable left over after the placeholders is the error, with its stack trace.
        Throwable error = used < arguments.length && arguments[arguments.length - 1] instanceof Throwable thrown ? thrown : null;
        JsonLines.log(level, name, message.toString(), error);
    }
}
