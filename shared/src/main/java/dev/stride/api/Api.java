package dev.stride.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.db.DatabaseFailure;
import dev.stride.domain.Conflict;
import dev.stride.domain.DomainException;
import dev.stride.domain.Invalid;
import dev.stride.domain.NotFound;
import dev.stride.domain.PreconditionFailed;
import dev.stride.observability.Invocation;
import dev.stride.observability.Log;
import dev.stride.observability.Metrics;
import java.sql.SQLException;
import java.util.Map;

/**
 * The doorway every handler goes through: reads the event into an {@link ApiRequest}, runs the
 * operation, and translates every failure into problem+json. This is the one place where
 * exceptions become HTTP (the domain's {@link DomainException}s in {@link #problem}); a 500 never
 * carries an exception's message or class.
 */
public final class Api {

    private static final Log LOG = Log.of(Api.class);

    // Unique constraints whose violation the client can cause (two requests racing each other).
    private static final Map<String, String> CONFLICTS = Map.of(
            "users_email_lower_key", "the email is already taken",
            "users_owner_sub_key", "the caller already has a profile");

    private Api() {
    }

    /**
     * Serves one Lambda invocation: {@link #handle(APIGatewayV2HTTPEvent, ApiHandler)} with the
     * invocation's request id and function name on every log line written meanwhile, and the
     * request's metrics (EMF) written when it is answered.
     */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context, ApiHandler handler) {
        try (Invocation invocation = Invocation.begin(context)) {
            APIGatewayV2HTTPResponse response = handle(event, handler);
            Metrics.request(invocation, event == null ? null : event.getRouteKey(), response.getStatusCode());
            return response;
        }
    }

    /** Runs the handler's operation on {@code event} and answers its response or the problem it raised. */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, ApiHandler handler) {
        String path = event == null ? null : event.getRawPath();
        try {
            if (event == null) {
                throw ProblemException.badRequest("no event");
            }
            return handler.handle(new ApiRequest(event));
        } catch (ProblemException problem) {
            return Responses.problem(problem, path);
        } catch (DomainException failure) {
            return Responses.problem(problem(failure), path);
        } catch (RuntimeException | LinkageError | AssertionError failure) {
            // Errors too (a class that failed to initialise): answered as problem+json like any
            // bug, not thrown to Lambda, which would answer API Gateway without a body.
            ProblemException problem = fromDatabase(failure);
            if (problem.status() >= 500) {
                LOG.error("{} {} failed", event == null ? "?" : event.getRouteKey(), path, failure);
            }
            return Responses.problem(problem, path);
        }
    }

    /** The HTTP answer to a domain failure. */
    static ProblemException problem(DomainException failure) {
        String type = ProblemException.TYPE;
        // instanceof, not a type switch over the sealed type: a type switch is linked at its first
        // run by SwitchBootstraps, which generates a class (~40 JDK classes at a cold start).
        if (failure instanceof NotFound notFound) {
            return new ProblemException(404, type + "not-found", "Not Found", notFound.getMessage(), null);
        }
        if (failure instanceof Conflict conflict) {
            return new ProblemException(409, type + "conflict", "Conflict", conflict.getMessage(), null);
        }
        if (failure instanceof Invalid invalid) {
            return new ProblemException(400, type + "validation-error", "Invalid Request", invalid.getMessage(),
                    invalid.errors());
        }
        if (failure instanceof PreconditionFailed stale) {
            return new ProblemException(412, type + "precondition-failed", "Precondition Failed", stale.getMessage(), null);
        }
        throw new IllegalStateException("a domain failure with no HTTP answer: " + failure.getClass().getName());
    }

    /** What a database failure means to the client; anything unrecognised is a 500. */
    static ProblemException fromDatabase(Throwable failure) {
        var transient_ = DatabaseFailure.classify(failure);
        if (transient_.isPresent()) {
            DatabaseFailure known = transient_.get();
            return switch (known.kind()) {
                case UNAVAILABLE -> ProblemException.unavailable(known.retryAfterSeconds(),
                        "the database is not reachable right now; try again shortly");
                case BUSY -> ProblemException.unavailable(known.retryAfterSeconds(),
                        "the data is busy with other requests; try again shortly");
                case OUTCOME_UNKNOWN -> ProblemException.outcomeUnknown(known.retryAfterSeconds());
            };
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505")) {
                    return problem(new Conflict(conflictDetail(sql)));
                }
                if (state.equals("23503")) {
                    return problem(new Conflict("the resource changed while the request ran; try again"));
                }
            }
        }
        return ProblemException.internalError();
    }

    private static String conflictDetail(SQLException sql) {
        String message = String.valueOf(sql.getMessage());
        return CONFLICTS.entrySet().stream()
                .filter(entry -> message.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("the request conflicts with existing data");
    }
}
