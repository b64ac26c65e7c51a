package dev.stride.functions.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.dashboard.DashboardService;
import dev.stride.instance.Services;

/** {@code GET /users/{id}/dashboard}: totals, averages, latest mood and runs by week, within {@code from}–{@code to}. */
public final class GetDashboardHandler extends ApiHandler {

    private final DashboardService service;

    public GetDashboardHandler() {
        this(Services.instance().dashboard());
    }

    public GetDashboardHandler(DashboardService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(service.get(request.caller(), request.userRef("id"), request.dateRange()));
    }
}
