package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunService;

/** {@code GET /runs/{runId}}: one run. */
public final class GetRunHandler extends ApiHandler {

    private final RunService service;

    public GetRunHandler() {
        this(Services.instance().runs());
    }

    public GetRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(request, service.get(request.caller(), request.id("runId")));
    }
}
