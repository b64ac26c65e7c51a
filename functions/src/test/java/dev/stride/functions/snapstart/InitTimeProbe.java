package dev.stride.functions.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.HttpApiEvent;
import dev.stride.instance.DatabaseAccess;
import dev.stride.instance.Priming;
import dev.stride.instance.Services;
import dev.stride.testkit.LambdaContext;
import java.lang.management.ManagementFactory;

/**
 * One cold start, in the fresh JVM {@link InitTime} starts on the Lambda zip's class path: what the
 * Lambda runtime does at init (load the handler class, call its no-argument constructor), then,
 * if asked, what the SnapStart hook does before the snapshot (prime, close the connection), then
 * the first and second requests. Prints one line: {@code init firstRequest secondRequest} in ms.
 */
public final class InitTimeProbe {

    private InitTimeProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        if (args[0].equals("iam")) {
            // The zip carries only RdsUtilities' classes of the rds module: sign a token with them.
            String token = DatabaseAccess.fromEnvironment().dataSource().logins().current().password();
            System.err.println(token.contains("Action=connect") && token.contains("X-Amz-Signature=") ? "iam-token-ok" : "iam-token-bad");
            return;
        }
        boolean prime = Boolean.parseBoolean(args[0]);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName("dev.stride.functions.users.ListUsersHandler").getConstructor().newInstance();
        if (prime) {
            Priming.prime(Services.instance());
            Services.instance().database().evictConnections();
        }
        long initDone = System.currentTimeMillis();

        long first = timed(handler);
        long second = timed(handler);
        System.err.println("timings " + (initDone - jvmStart) + " " + first + " " + second);
    }

    private static long timed(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        long started = System.nanoTime();
        int status = handler.handleRequest(HttpApiEvent.request("GET", "/users").as("init-time").build(), new LambdaContext()).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("GET /users answered " + status);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
