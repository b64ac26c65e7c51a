package dev.stride.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * A route's Lambda handler: it states its route's operation ({@link #handle}: the request to the
 * response, over the service it is given) and every invocation goes through {@link Api#handle},
 * which reads the event and answers every failure. A handler keeps a no-argument constructor for
 * Lambda and one that takes its service for tests.
 *
 * <p>The operation is a method, not a lambda each handler passes up: a lambda is a class the JVM
 * generates when its handler is first constructed, and SnapStart priming constructs every handler
 * (docs/performance.md).
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The route's operation: the response to a request read from the event. */
    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, this);
    }
}
