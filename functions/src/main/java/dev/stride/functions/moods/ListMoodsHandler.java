package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;
import dev.stride.paging.ListParameters;

/** {@code GET /users/{id}/moods}: the user's moods, filtered by {@code from} and {@code to}. */
public final class ListMoodsHandler extends ApiHandler {

    private final MoodService service;

    public ListMoodsHandler() {
        this(Services.instance().moods());
    }

    public ListMoodsHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(service.list(request.caller(), request.userRef("id"), request.listQuery(ListParameters::dates)));
    }
}
