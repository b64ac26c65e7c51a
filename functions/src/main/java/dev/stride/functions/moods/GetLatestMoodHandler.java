package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code GET /users/{id}/moods/latest}: the most recent mood by date. */
public final class GetLatestMoodHandler extends ApiHandler {

    private final MoodService service;

    public GetLatestMoodHandler() {
        this(Services.instance().moods());
    }

    public GetLatestMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(request, service.latest(request.caller(), request.userRef("id")));
    }
}
