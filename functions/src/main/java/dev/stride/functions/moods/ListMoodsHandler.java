package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;
import dev.stride.paging.ListParameters;

/** {@code GET /users/{id}/moods}: the user's moods, filtered by {@code from} and {@code to}. */
public final class ListMoodsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MoodService service;

    public ListMoodsHandler() {
        this(Services.instance().moods());
    }

    public ListMoodsHandler(MoodService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request ->
                Responses.ok(service.list(request.caller(), request.userRef("id"), request.listQuery(ListParameters::dates))));
    }
}
