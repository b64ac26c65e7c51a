package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code GET /moods/{moodId}}: one mood. */
public final class GetMoodHandler extends ApiHandler {

    public GetMoodHandler() {
        this(Services.instance().moods());
    }

    public GetMoodHandler(MoodService service) {
        super(request -> Responses.ok(request, service.get(request.caller(), request.id("moodId"))));
    }
}
