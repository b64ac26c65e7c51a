package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code GET /users/{id}/moods/latest}: the most recent mood by date. */
public final class GetLatestMoodHandler extends ApiHandler {

    public GetLatestMoodHandler() {
        this(Services.instance().moods());
    }

    public GetLatestMoodHandler(MoodService service) {
        super(request -> Responses.ok(request, service.latest(request.caller(), request.userRef("id"))));
    }
}
