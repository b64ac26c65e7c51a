package dev.stride.functions.dashboard;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.dashboard.DashboardService;
import dev.stride.instance.Services;

/** {@code GET /users/{id}/dashboard}: totals, averages, latest mood and runs by week, within {@code from}–{@code to}. */
public final class GetDashboardHandler extends ApiHandler {

    public GetDashboardHandler() {
        this(Services.instance().dashboard());
    }

    public GetDashboardHandler(DashboardService service) {
        super(request -> Responses.ok(service.get(request.caller(), request.userRef("id"), request.dateRange())));
    }
}
