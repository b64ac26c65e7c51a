package dev.stride.functions.runs;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunInput;
import dev.stride.runs.RunService;

/** {@code PATCH /runs/{runId}}: changes a run; derived fields are recomputed. */
public final class UpdateRunHandler extends ApiHandler {

    public UpdateRunHandler() {
        this(Services.instance().runs());
    }

    public UpdateRunHandler(RunService service) {
        super(request -> Responses.ok(
                service.update(request.caller(), request.id("runId"), request.patch(RunInput.class), request.precondition())));
    }
}
