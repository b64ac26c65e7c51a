package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodInput;
import dev.stride.moods.MoodService;

/** {@code POST /users/{id}/moods}: records a mood. */
public final class CreateMoodHandler extends ApiHandler {

    public CreateMoodHandler() {
        this(Services.instance().moods());
    }

    public CreateMoodHandler(MoodService service) {
        super(request -> Responses.created(request,
                () -> service.create(request.caller(), request.userRef("id"), request.body(MoodInput.class)),
                mood -> "/moods/" + mood.id()));
    }
}
