package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodInput;
import dev.stride.moods.MoodService;

/** {@code POST /users/{id}/moods}: records a mood. */
public final class CreateMoodHandler extends ApiHandler {

    private final MoodService service;

    public CreateMoodHandler() {
        this(Services.instance().moods());
    }

    public CreateMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.created(request,
                () -> service.create(request.caller(), request.userRef("id"), request.body(MoodInput.class)),
                mood -> "/moods/" + mood.id());
    }
}
