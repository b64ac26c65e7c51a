package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodInput;
import dev.stride.moods.MoodService;

/** {@code PATCH /moods/{moodId}}: changes a mood. */
public final class UpdateMoodHandler extends ApiHandler {

    public UpdateMoodHandler() {
        this(Services.instance().moods());
    }

    public UpdateMoodHandler(MoodService service) {
        super(request -> Responses.ok(
                service.update(request.caller(), request.id("moodId"), request.patch(MoodInput.class), request.precondition())));
    }
}
