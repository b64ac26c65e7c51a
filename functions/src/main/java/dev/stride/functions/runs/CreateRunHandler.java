package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunInput;
import dev.stride.runs.RunService;
import dev.stride.runs.RunView;

/** {@code POST /users/{id}/runs}: records a run. */
public final class CreateRunHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final RunService service;

    public CreateRunHandler() {
        this(Services.instance().runs());
    }

    public CreateRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> {
            RunView created = service.create(request.caller(), request.userRef("id"), request.body(RunInput.class));
            return Responses.created("/runs/" + created.id(), created);
        });
    }
}
