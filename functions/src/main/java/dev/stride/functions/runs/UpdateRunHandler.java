package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunInput;
import dev.stride.runs.RunService;

/** {@code PATCH /runs/{runId}}: changes a run; derived fields are recomputed. */
public final class UpdateRunHandler extends ApiHandler {

    private final RunService service;

    public UpdateRunHandler() {
        this(Services.instance().runs());
    }

    public UpdateRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(
                service.update(request.caller(), request.id("runId"), request.patch(RunInput.class), request.precondition()));
    }
}
