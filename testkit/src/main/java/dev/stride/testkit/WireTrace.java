package dev.stride.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * What one piece of work sent: {@code sql}, each statement's text once per Parse (a statement
     * prepared on the server is run again without one); {@code executed}, the text of every
     * statement run, in order, once per run.
     */
    public record Trace(int roundTrips, int statements, List<String> sql, List<String> executed) {
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
        return new Captured<>(value, new Trace(recorder.flights, recorder.executes, List.copyOf(recorder.sql),
                List.copyOf(recorder.executed)));
    }

    private static final class Recorder extends Handler {
        int flights;
        int executes;
        boolean sending;
        final List<String> sql = new ArrayList<>();
        final List<String> executed = new ArrayList<>();
        // Each statement's text by its name on the server ("null": the unnamed one), and the one bound last.
        final Map<String, String> byName = new HashMap<>();
        String bound;

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
                executed.add(byName.getOrDefault(bound, "?"));
            } else if (message.startsWith("FE=> Parse(")) {
                // A statement the driver has already prepared on the server is executed without
                // a Parse, so the text is listed once per first use; the executes count is exact.
                String text = between(message, "query=\"", "\",oids=");
                sql.add(text);
                byName.put(name(message), text);
            } else if (message.startsWith("FE=> Bind(")) {
                bound = name(message);
            } else if (message.startsWith("FE=> SimpleQuery(")) {
                executes++;
                String text = between(message, "query=\"", "\")");
                sql.add(text);
                executed.add(text);
            }
        }

        /** The statement's name on the server in a Parse or Bind message ({@code stmt=S_3,}). */
        private static String name(String message) {
            int from = message.indexOf("stmt=") + "stmt=".length();
            return message.substring(from, message.indexOf(',', from));
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
