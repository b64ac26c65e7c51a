package dev.stride.functions.moods;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;
import dev.stride.paging.ListParameters;

/** {@code GET /users/{id}/moods}: the user's moods, filtered by {@code from} and {@code to}. */
public final class ListMoodsHandler extends ApiHandler {

    public ListMoodsHandler() {
        this(Services.instance().moods());
    }

    public ListMoodsHandler(MoodService service) {
        super(request -> Responses.ok(service.list(request.caller(), request.userRef("id"), request.listQuery(ListParameters::dates))));
    }
}
