package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code DELETE /moods/{moodId}}: deletes a mood. */
public final class DeleteMoodHandler extends ApiHandler {

    public DeleteMoodHandler() {
        this(Services.instance().moods());
    }

    public DeleteMoodHandler(MoodService service) {
        super(request -> {
            service.delete(request.caller(), request.id("moodId"), request.precondition());
            return Responses.noContent();
        });
    }
}
