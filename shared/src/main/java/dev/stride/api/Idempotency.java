package dev.stride.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.db.Database;
import dev.stride.db.DatabaseFailure;
import dev.stride.db.TransactionHook;
import dev.stride.domain.Versioned;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retry-safe creates: a {@code POST} with an {@code Idempotency-Key} is answered once, and every
 * repeat of it (same caller, same key, same request) within 24 hours gets that first answer again.
 *
 * <p>The key's record is written in the same transaction as the resource (table
 * {@code idempotency_keys}, migration V3), so both exist or neither does: a create that failed, or
 * whose COMMIT never arrived, left no key behind and may be sent again. While the first request
 * runs, its transaction holds an advisory lock on (caller, key); a repeat that finds the lock taken
 * is answered 409 at once instead of waiting. A repeat with another body (or another route) is 422.
 * Only 2xx answers are kept. Anchors: the IETF draft "The Idempotency-Key HTTP Header Field" and
 * Powertools for AWS Lambda's idempotency utility; docs/design.md says where Stride differs.
 */
final class Idempotency implements TransactionHook {

    static final String HEADER = "idempotency-key";

    // Try the caller's key's lock without waiting; read its record if it has one (not expired).
    private static final String BEGIN = """
            SELECT pg_try_advisory_xact_lock(hashtextextended(?1 || ' ' || ?2, 0)),
                   k.fingerprint, k.status, k.body, k.location, k.etag
              FROM (SELECT 1) AS one
              LEFT JOIN idempotency_keys k ON k.caller_sub = ?1 AND k.key = ?2 AND k.expires_at > now()""";

    // An expired record of the same key is replaced; a live one cannot be there (we hold its lock).
    // Expired keys are removed first, up to ?8 of them (0: none), in the same statement, so that
    // the cleanup never costs a round trip of its own.
    private static final String REMEMBER = """
            INSERT INTO idempotency_keys (caller_sub, key, fingerprint, status, body, location, etag)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 FROM (SELECT idempotency_keys_cleanup(?8)) AS cleanup
            ON CONFLICT (caller_sub, key) DO UPDATE
               SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, body = EXCLUDED.body,
                   location = EXCLUDED.location, etag = EXCLUDED.etag,
                   created_at = now(), expires_at = now() + interval '24 hours'""";

    // One keyed create in CLEANUP_EVERY also removes up to CLEANUP_LIMIT expired keys: the table
    // holds about a day of keys without a scheduler, at a small cost spread over the creates.
    private static final int CLEANUP_EVERY = 16;
    private static final int CLEANUP_LIMIT = 200;

    private final String caller;
    private final String key;
    private final byte[] fingerprint;
    private final Function<Object, APIGatewayV2HTTPResponse> render;
    private APIGatewayV2HTTPResponse answer;

    private Idempotency(String caller, String key, byte[] fingerprint, Function<Object, APIGatewayV2HTTPResponse> render) {
        this.caller = caller;
        this.key = key;
        this.fingerprint = fingerprint;
        this.render = render;
    }

    static <T> APIGatewayV2HTTPResponse create(ApiRequest request, Supplier<Versioned<T>> create, Function<T, String> location) {
        String key = request.header(HEADER);
        if (key == null) {
            Versioned<T> created = create.get();
            return Responses.created(location.apply(created.value()), created);
        }
        if (!isValid(key)) {
            throw ProblemException.badIdempotencyKey();
        }
        String caller = request.caller().sub();
        @SuppressWarnings("unchecked")
        Idempotency hook = new Idempotency(caller, key, fingerprint(request.event()), result -> {
            Versioned<T> created = (Versioned<T>) result;
            return Responses.created(location.apply(created.value()), created);
        });
        try {
            Database.withHook(hook, create);
            return hook.answer;
        } catch (Replay replay) {
            return replay.response;
        } catch (DatabaseFailure failure) {
            if (failure.kind() == DatabaseFailure.Kind.OUTCOME_UNKNOWN) {
                // Sent again with the same key, the request either finds its record (the first
                // COMMIT did arrive) or is served anew: safe either way.
                throw ProblemException.unavailable(failure.retryAfterSeconds(),
                        "the connection to the database was lost while the resource was being saved; "
                                + "send the request again with the same Idempotency-Key");
            }
            throw failure;
        }
    }

    /** 1 to 255 visible ASCII characters (0x21–0x7E). */
    static boolean isValid(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void begin(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery(BEGIN).setParameter(1, caller).setParameter(2, key).getSingleResult();
        if (!Boolean.TRUE.equals(row[0])) {
            throw ProblemException.idempotencyKeyInFlight();
        }
        if (row[1] == null) {
            return;
        }
        if (!MessageDigest.isEqual((byte[]) row[1], fingerprint)) {
            throw ProblemException.idempotencyKeyReused();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Responses.JSON);
        if (row[4] != null) {
            headers.put("Location", (String) row[4]);
        }
        if (row[5] != null) {
            headers.put("ETag", (String) row[5]);
        }
        headers.put("Idempotent-Replayed", "true");
        throw new Replay(APIGatewayV2HTTPResponse.builder()
                .withStatusCode(((Number) row[2]).intValue())
                .withHeaders(headers)
                .withBody((String) row[3])
                .build());
    }

    @Override
    public void beforeCommit(EntityManager em, Object result) {
        APIGatewayV2HTTPResponse response = render.apply(result);
        Map<String, String> headers = response.getHeaders();
        em.createNativeQuery(REMEMBER)
                .setParameter(1, caller)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, response.getStatusCode())
                .setParameter(5, response.getBody())
                .setParameter(6, headers.get("Location"))
                .setParameter(7, headers.get("ETag"))
                .setParameter(8, ThreadLocalRandom.current().nextInt(CLEANUP_EVERY) == 0 ? CLEANUP_LIMIT : 0)
                .executeUpdate();
        answer = response;
    }

    /** SHA-256 of what makes two requests "the same": the route, the path and the body as sent. */
    private static byte[] fingerprint(APIGatewayV2HTTPEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(String.valueOf(event.getRouteKey()), String.valueOf(event.getRawPath()),
                    event.getIsBase64Encoded() ? "base64" : "text", String.valueOf(event.getBody()))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored first answer, thrown out of the transaction (which wrote nothing) to be sent again. */
    private static final class Replay extends RuntimeException {
        private final transient APIGatewayV2HTTPResponse response;

        Replay(APIGatewayV2HTTPResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
