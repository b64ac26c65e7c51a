package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunInput;
import dev.stride.runs.RunService;

/** {@code POST /users/{id}/runs}: records a run. */
public final class CreateRunHandler extends ApiHandler {

    private final RunService service;

    public CreateRunHandler() {
        this(Services.instance().runs());
    }

    public CreateRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.created(request,
                () -> service.create(request.caller(), request.userRef("id"), request.body(RunInput.class)),
                run -> "/runs/" + run.id());
    }
}
