package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodService;

/** {@code DELETE /moods/{moodId}}: deletes a mood. */
public final class DeleteMoodHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MoodService service;

    public DeleteMoodHandler() {
        this(Services.instance().moods());
    }

    public DeleteMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> {
            service.delete(request.caller(), request.id("moodId"));
            return Responses.noContent();
        });
    }
}
