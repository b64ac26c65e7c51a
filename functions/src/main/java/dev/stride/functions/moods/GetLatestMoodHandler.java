package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code GET /users/{id}/moods/latest}: the most recent mood by date. */
public final class GetLatestMoodHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MoodService service;

    public GetLatestMoodHandler() {
        this(Services.instance().moods());
    }

    public GetLatestMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> Responses.ok(service.latest(request.caller(), request.userRef("id"))));
    }
}
