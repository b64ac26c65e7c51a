package dev.stride.local;

import dev.stride.local.template.TemplateException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TimeZone;

/**
 * {@code stride-local serve} (the default) runs the whole API of template.yaml on this machine;
 * {@code stride-local invoke FUNCTION -e event.json} runs one function once and prints its answer.
 * Parses the command line and hands over to the command. See docs/local-server.md.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Lambda runs in UTC; so do the functions here (they share this JVM's default time zone).
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            switch (CommandLine.parse(List.of(args))) {
                case CommandLine.Serve serve -> new ServeCommand(serve, System.getenv(), System.out).run();
                case CommandLine.Invoke invoke -> System.exit(new InvokeCommand(invoke, System.getenv(), System.out, System.err).run());
                default -> System.out.println(CommandLine.USAGE);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("stride-local: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
        } catch (TemplateException | IllegalStateException | UncheckedIOException e) {
            System.err.println("stride-local: " + e.getMessage());
            System.exit(2);
        }
    }
}
