package dev.stride.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line, parsed: which command, with which options. Parsing only: the commands act. */
final class CommandLine {

    /**
     * One instance per CPU core (two at least): each runs one request at a time, so more could
     * not run at once anyway; past that, requests queue here for an instance in order, not in
     * the OS scheduler among many threads, JIT-compiled copies of the function and connections
     * (on 2 cores, 4 per function doubled the p99 latency under load; docs/local-server.md).
     */
    static final int DEFAULT_MAX_INSTANCES = Math.max(2, Runtime.getRuntime().availableProcessors());

    static final String USAGE = """
            Usage:
              serve  [--port 3000] [--host 127.0.0.1] [--template template.yaml] [--env-vars env.json]
                     [--parameter-overrides "Name=Value ..."] [--openapi openapi.yaml]
                     [--data-dir .stride | --fresh] [--demo] [--cold] [--provisioned 1] [--max-instances CORES]
                     [--idle-timeout 10m] [--memory 32768]
              invoke FUNCTION [-e event.json | -e -] [--template template.yaml] [--env-vars env.json]
                     [--parameter-overrides "Name=Value ..."] [--data-dir .stride | --fresh]

            The database is the one DB_URL (with DB_USER, DB_PASSWORD) or DATABASE_URL names, else an
            embedded PostgreSQL whose data is kept in --data-dir (.stride beside the template), or a
            temporary one with --fresh. See docs/local-server.md.""";

    /** What the template, its parameters and the env-vars file give every command. */
    record Common(Path template, Path envVars, Map<String, String> parameterOverrides, Path dataDir, boolean fresh) {

        /** The data folder to keep the embedded database in; null with --fresh. */
        Path dataFolder() {
            return fresh ? null : dataDir != null ? dataDir : template.toAbsolutePath().getParent().resolve(".stride");
        }
    }

    /** {@code serve}'s options. */
    record Serve(Common common, String host, int port, Path openApi, boolean demo, boolean cold, int provisioned,
                 int maxInstances, Duration idleTimeout, int memoryMb) {
    }

    /** {@code invoke}'s options. */
    record Invoke(Common common, String function, String event) {
    }

    /** {@code help}. */
    record Help() {
    }

    private CommandLine() {
    }

    /** Serve, Invoke or Help; IllegalArgumentException with a message for the user otherwise. */
    static Record parse(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        String command = rest.isEmpty() || rest.get(0).startsWith("-") && !isHelp(rest.get(0)) ? "serve" : rest.remove(0);
        return switch (command) {
            case "serve" -> parse(rest, false);
            case "invoke" -> parse(rest, true);
            case "help", "--help", "-h" -> new Help();
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static Record parse(List<String> args, boolean invoke) {
        String host = "127.0.0.1";
        int port = 3000;
        Path template = null;
        Path envVars = null;
        Path openApi = null;
        Path dataDir = null;
        boolean fresh = false;
        boolean demo = false;
        boolean cold = false;
        Integer provisioned = null;
        int maxInstances = DEFAULT_MAX_INSTANCES;
        Duration idleTimeout = Duration.ofMinutes(10);
        int memoryMb = 32_768;
        Map<String, String> parameterOverrides = new LinkedHashMap<>();
        String function = null;
        String event = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port", "-p" -> port = number(value(args, ++i, arg), arg);
                case "--host" -> host = value(args, ++i, arg);
                case "--template", "-t" -> template = Path.of(value(args, ++i, arg));
                case "--env-vars", "-n" -> envVars = Path.of(value(args, ++i, arg));
                case "--openapi" -> openApi = Path.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--fresh" -> fresh = true;
                case "--demo" -> demo = true;
                case "--cold" -> cold = true;
                case "--provisioned" -> provisioned = number(value(args, ++i, arg), arg);
                case "--max-instances" -> maxInstances = number(value(args, ++i, arg), arg);
                case "--idle-timeout" -> idleTimeout = duration(value(args, ++i, arg), arg);
                case "--memory" -> memoryMb = number(value(args, ++i, arg), arg);
                case "--event", "-e" -> event = value(args, ++i, arg);
                case "--parameter-overrides" -> {
                    for (String pair : value(args, ++i, arg).trim().split("\\s+")) {
                        String[] kv = pair.split("=", 2);
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("--parameter-overrides takes Name=Value pairs, got " + pair);
                        }
                        parameterOverrides.put(kv[0], kv[1]);
                    }
                }
                default -> {
                    if (invoke && function == null && !arg.startsWith("-")) {
                        function = arg;
                    } else {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (fresh && dataDir != null) {
            throw new IllegalArgumentException("--fresh and --data-dir exclude each other");
        }
        Common common = new Common(template(template), envVars, parameterOverrides, dataDir, fresh);
        if (invoke) {
            if (function == null) {
                throw new IllegalArgumentException("invoke needs the function's logical ID");
            }
            return new Invoke(common, function, event);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be within 0-65535");
        }
        if (maxInstances < 1 || memoryMb < 128) {
            throw new IllegalArgumentException("--max-instances must be at least 1 and --memory at least 128 (MB)");
        }
        int ahead = provisioned != null ? provisioned : cold ? 0 : 1;
        if (ahead < 0 || ahead > maxInstances) {
            throw new IllegalArgumentException("--provisioned must be within 0 and --max-instances (" + maxInstances + ")");
        }
        return new Serve(common, host, port, openApi, demo, cold, ahead, maxInstances, idleTimeout, memoryMb);
    }

    /** --template, else template.yaml in this folder or the nearest folder above it. */
    private static Path template(Path given) {
        if (given != null) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalArgumentException("no template.yaml here or above " + Path.of("").toAbsolutePath()
                + "; give one with --template");
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    static Duration duration(String text, String option) {
        try {
            String value = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (value.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 30s, 10m or 1h, got " + text);
        }
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, got " + text);
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
