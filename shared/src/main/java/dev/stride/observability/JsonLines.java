package dev.stride.observability;

import dev.stride.Env;
import dev.stride.json.Json;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stride's log output: one JSON object per line on stdout, the form Lambda's JSON log format
 * expects from code that does not use its own logger ({@code "timestamp"} in RFC 3339,
 * {@code "level"}, so {@code ApplicationLogLevel} filtering works), with the invocation's
 * {@code requestId} and {@code functionName} on every line.
 *
 * <p>Written by Stride's own JSON writer ({@link Json#line}, as responses are), not the
 * application's ObjectMapper: logging must work before, and whatever happens to, the mapper.
 */
public final class JsonLines {

    /** Levels from the most to the least verbose; Lambda's names. */
    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

    private static final Level THRESHOLD = threshold(Env.get("AWS_LAMBDA_LOG_LEVEL"));

    private JsonLines() {
    }

    public static boolean enabled(Level level) {
        return level.compareTo(THRESHOLD) >= 0;
    }

    /** Writes a log line, if {@code level} passes the function's application log level. */
    public static void log(Level level, String logger, String message, Throwable error) {
        if (!enabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.put("logger", logger);
        addInvocation(line);
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.put("errorType", error.getClass().getName());
            line.put("stackTrace", trace.toString());
        }
        write(line);
    }

    static void addInvocation(Map<String, Object> line) {
        Invocation invocation = Invocation.current();
        if (invocation != null) {
            line.put("requestId", invocation.requestId());
            line.put("functionName", invocation.functionName());
        } else {
            // Init and SnapStart hooks: no request yet, but the function is known.
            line.put("functionName", Env.get("AWS_LAMBDA_FUNCTION_NAME"));
        }
    }

    /** Writes {@code fields} as one JSON line (an EMF metrics document, a log line). */
    public static void write(Map<String, ?> fields) {
        write(System.out, fields);
    }

    /** Writes {@code fields} as one JSON line to {@code out}. */
    public static void write(PrintStream out, Map<String, ?> fields) {
        out.println(line(fields));
    }

    /** {@code fields} as one JSON line, not written. */
    public static String line(Map<String, ?> fields) {
        return Json.line(fields);
    }

    private static Level threshold(String configured) {
        if (configured == null || configured.isBlank()) {
            return Level.INFO;
        }
        String name = configured.trim().toUpperCase(Locale.ROOT);
        // Lambda's levels are TRACE, DEBUG, INFO, WARN, ERROR and FATAL.
        return "FATAL".equals(name) ? Level.ERROR : Level.valueOf(name);
    }
}
