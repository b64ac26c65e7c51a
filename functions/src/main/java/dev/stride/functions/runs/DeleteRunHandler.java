package dev.stride.functions.runs;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunService;

/** {@code DELETE /runs/{runId}}: deletes a run. */
public final class DeleteRunHandler extends ApiHandler {

    public DeleteRunHandler() {
        this(Services.instance().runs());
    }

    public DeleteRunHandler(RunService service) {
        super(request -> {
            service.delete(request.caller(), request.id("runId"), request.precondition());
            return Responses.noContent();
        });
    }
}
