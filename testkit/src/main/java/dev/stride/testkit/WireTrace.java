package dev.stride.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Counts what crosses the wire between this JVM and PostgreSQL while a piece of work runs, from
 * the PostgreSQL driver's own protocol trace (java.util.logging at FINEST). A round trip is one
 * flight: messages sent ({@code FE=>}), then the first answer read ({@code <=BE}); so a batch
 * ended by a {@code Sync} is one, a {@code BEGIN} the driver sends ahead of its statement in the
 * same flight adds none, and a query in the simple protocol (what {@link java.sql.Connection#isValid}
 * sends) is one too. Every {@code Execute} or simple query (BEGIN included) is a statement. This sees BEGIN and COMMIT too, which an ORM's
 * SQL log does not.
 *
 * <p>Tracing is slow, so it is only switched on while counting, never while timing.
 */
public final class WireTrace {

    /** What one piece of work sent. */
    public record Trace(int roundTrips, int statements, List<String> sql) {
    }

    private static final Logger DRIVER = Logger.getLogger("org.postgresql");
    private static final SimpleFormatter FORMAT = new SimpleFormatter();

    private WireTrace() {
    }

    public static synchronized Trace of(Runnable work) {
        return capture(() -> {
            work.run();
            return null;
        }).trace();
    }

    public record Captured<T>(T value, Trace trace) {
    }

    public static synchronized <T> Captured<T> capture(Supplier<T> work) {
        Recorder recorder = new Recorder();
        Level previous = DRIVER.getLevel();
        boolean parents = DRIVER.getUseParentHandlers();
        DRIVER.addHandler(recorder);
        DRIVER.setUseParentHandlers(false);
        DRIVER.setLevel(Level.FINEST);
        T value;
        try {
            value = work.get();
        } finally {
            DRIVER.setLevel(previous);
            DRIVER.removeHandler(recorder);
            DRIVER.setUseParentHandlers(parents);
        }
        return new Captured<>(value, new Trace(recorder.flights, recorder.executes, List.copyOf(recorder.sql)));
    }

    private static final class Recorder extends Handler {
        int flights;
        int executes;
        boolean sending;
        final List<String> sql = new ArrayList<>();

        Recorder() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() == null) {
                return;
            }
            String message = FORMAT.formatMessage(record).strip();
            if (message.startsWith("FE=>")) {
                sending = true;
            } else if (message.startsWith("<=BE") && sending) {
                sending = false;
                flights++;
            }
            if (message.startsWith("FE=> Execute(")) {
                executes++;
            } else if (message.startsWith("FE=> Parse(")) {
                // A statement the driver has already prepared on the server is executed without
                // a Parse, so the text is listed once per first use; the executes count is exact.
                sql.add(between(message, "query=\"", "\",oids="));
            } else if (message.startsWith("FE=> SimpleQuery(")) {
                executes++;
                sql.add(between(message, "query=\"", "\")"));
            }
        }

        private static String between(String text, String start, String end) {
            int from = text.indexOf(start);
            int to = text.lastIndexOf(end);
            return from < 0 || to < from ? text : text.substring(from + start.length(), to);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
