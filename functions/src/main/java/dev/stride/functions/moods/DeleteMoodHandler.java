package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code DELETE /moods/{moodId}}: deletes a mood. */
public final class DeleteMoodHandler extends ApiHandler {

    private final MoodService service;

    public DeleteMoodHandler() {
        this(Services.instance().moods());
    }

    public DeleteMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        service.delete(request.caller(), request.id("moodId"), request.precondition());
        return Responses.noContent();
    }
}
