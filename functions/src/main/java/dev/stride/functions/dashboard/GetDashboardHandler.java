package dev.stride.functions.dashboard;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.dashboard.DashboardService;
import dev.stride.instance.Services;

/** {@code GET /users/{id}/dashboard}: totals, averages, latest mood and runs by week, within {@code from}–{@code to}. */
public final class GetDashboardHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DashboardService service;

    public GetDashboardHandler() {
        this(Services.instance().dashboard());
    }

    public GetDashboardHandler(DashboardService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> Responses.ok(service.get(request.caller(), request.userRef("id"), request.dateRange())));
    }
}
