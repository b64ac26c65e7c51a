package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code GET /moods/{moodId}}: one mood. */
public final class GetMoodHandler extends ApiHandler {

    private final MoodService service;

    public GetMoodHandler() {
        this(Services.instance().moods());
    }

    public GetMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(request, service.get(request.caller(), request.id("moodId")));
    }
}
