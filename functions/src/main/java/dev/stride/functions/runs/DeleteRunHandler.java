package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunService;

/** {@code DELETE /runs/{runId}}: deletes a run. */
public final class DeleteRunHandler extends ApiHandler {

    private final RunService service;

    public DeleteRunHandler() {
        this(Services.instance().runs());
    }

    public DeleteRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        service.delete(request.caller(), request.id("runId"), request.precondition());
        return Responses.noContent();
    }
}
