package dev.stride.functions.runs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.runs.RunService;

/** {@code DELETE /runs/{runId}}: deletes a run. */
public final class DeleteRunHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final RunService service;

    public DeleteRunHandler() {
        this(Services.instance().runs());
    }

    public DeleteRunHandler(RunService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> {
            service.delete(request.caller(), request.id("runId"));
            return Responses.noContent();
        });
    }
}
