package dev.stride.bench.child;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The cold-start floor: {@code GET /runs/{runId}} as a Lambda handler with nothing but the
 * PostgreSQL driver. Its init opens one connection (as Stride's init does), its first invoke
 * sends the same two statements as {@code GetRunHandler}'s. A fresh JVM cannot start a handler
 * that answers this request from this database any faster without changing the JVM itself.
 */
public final class JdbcGetRunHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final JdbcFloor floor;

    public JdbcGetRunHandler() {
        Map<String, String> env = System.getenv();
        try {
            Connection connection = DriverManager.getConnection(env.get("DB_URL"), env.get("DB_USER"), env.get("DB_PASSWORD"));
            floor = new JdbcFloor(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + env.get("DB_URL"), e);
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            long runId = Long.parseLong(event.getPathParameters().get("runId"));
            String body = floor.getRun(Events.sub(event), runId);
            return body == null
                    ? APIGatewayV2HTTPResponse.builder().withStatusCode(404).build()
                    : APIGatewayV2HTTPResponse.builder()
                            .withStatusCode(200)
                            .withHeaders(Map.of("Content-Type", "application/json"))
                            .withBody(body)
                            .build();
        } catch (SQLException e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).build();
        }
    }
}
