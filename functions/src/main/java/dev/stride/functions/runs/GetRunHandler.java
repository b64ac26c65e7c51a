package dev.stride.functions.runs;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunService;

/** {@code GET /runs/{runId}}: one run. */
public final class GetRunHandler extends ApiHandler {

    public GetRunHandler() {
        this(Services.instance().runs());
    }

    public GetRunHandler(RunService service) {
        super(request -> Responses.ok(request, service.get(request.caller(), request.id("runId"))));
    }
}
