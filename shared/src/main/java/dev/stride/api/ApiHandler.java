package dev.stride.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;

/**
 * A route's Lambda handler: it states its route's operation (the request to the response, over
 * the service it is given) and every invocation goes through {@link Api#handle}, which reads the
 * event and answers every failure. A handler keeps a no-argument constructor for Lambda and one
 * that takes its service for tests.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Function<ApiRequest, APIGatewayV2HTTPResponse> operation;

    protected ApiHandler(Function<ApiRequest, APIGatewayV2HTTPResponse> operation) {
        this.operation = operation;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, operation);
    }
}
