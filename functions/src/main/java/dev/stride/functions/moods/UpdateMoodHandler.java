package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodInput;
import dev.stride.moods.MoodService;

/** {@code PATCH /moods/{moodId}}: changes a mood. */
public final class UpdateMoodHandler extends ApiHandler {

    private final MoodService service;

    public UpdateMoodHandler() {
        this(Services.instance().moods());
    }

    public UpdateMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(
                service.update(request.caller(), request.id("moodId"), request.patch(MoodInput.class), request.precondition()));
    }
}
