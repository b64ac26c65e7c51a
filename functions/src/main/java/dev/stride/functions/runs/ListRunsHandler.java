package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunFilter;
import dev.stride.runs.RunService;

/** {@code GET /users/{id}/runs}: the user's runs, filtered by {@code from}, {@code to} and {@code tag}. */
public final class ListRunsHandler extends ApiHandler {

    private final RunService service;

    public ListRunsHandler() {
        this(Services.instance().runs());
    }

    public ListRunsHandler(RunService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(service.list(request.caller(), request.userRef("id"), request.listQuery(RunFilter::read)));
    }
}
