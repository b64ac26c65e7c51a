package dev.stride.functions.moods;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.moods.MoodInput;
import dev.stride.moods.MoodService;
import dev.stride.moods.MoodView;

/** {@code POST /users/{id}/moods}: records a mood. */
public final class CreateMoodHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MoodService service;

    public CreateMoodHandler() {
        this(Services.instance().moods());
    }

    public CreateMoodHandler(MoodService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> {
            MoodView created = service.create(request.caller(), request.userRef("id"), request.body(MoodInput.class));
            return Responses.created("/moods/" + created.id(), created);
        });
    }
}
