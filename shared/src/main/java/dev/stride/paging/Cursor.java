package dev.stride.paging;

import dev.stride.Env;
import dev.stride.aws.SecretSettings;
import dev.stride.domain.Invalid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyset cursors: the position after the last item of a page ({@code date}, {@code id} in the
 * list's order), bound to the list and filters it was issued for, and signed, so that a cursor
 * Stride did not issue, or one reused with other filters, is refused (400).
 *
 * <p>The key is {@code STRIDE_CURSOR_KEY} (on AWS, the secret {@code STRIDE_CURSOR_KEY_SECRET_ARN}
 * names: see {@link SecretSettings}). On Lambda there is no default: a function without a key
 * refuses to start ({@link #requireKey()}). Elsewhere (the local server, SAM CLI, tests) a
 * built-in key is used, which still detects damaged and reused cursors but lets someone who reads
 * this code forge one; a forged cursor can only move within the caller's own list, whose ownership
 * is checked regardless.
 */
public final class Cursor {

    public static final String KEY_VARIABLE = "STRIDE_CURSOR_KEY";
    private static final byte[] KEY = key(SecretSettings.get(KEY_VARIABLE), Env.all());
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int MAC_BYTES = 16;
    private static final int SCOPE_BYTES = 8;

    private Cursor() {
    }

    /** A position in a list: the sort date (null for lists ordered by id alone) and the id. */
    public record Position(LocalDate date, long id) {
    }

    /**
     * The scope of a list: its name and the values that define it (owner, filters), so that a
     * cursor is only valid for the list and filters it was issued for.
     */
    public static String scope(String list, Object... definedBy) {
        StringBuilder scope = new StringBuilder(list);
        for (Object value : definedBy) {
            scope.append('|').append(value);
        }
        return scope.toString();
    }

    public static String encode(String scope, Position position) {
        ByteBuffer payload = ByteBuffer.allocate(SCOPE_BYTES + Long.BYTES + Long.BYTES);
        payload.put(digest(scope), 0, SCOPE_BYTES);
        payload.putLong(position.date() == null ? Long.MIN_VALUE : position.date().toEpochDay());
        payload.putLong(position.id());
        byte[] body = payload.array();
        byte[] token = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac(body), 0, token, body.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position a cursor stands for; {@link Invalid} if Stride did not issue it for this very list. */
    public static Position decode(String cursor, String scope) {
        return read(cursor).within(scope);
    }

    /**
     * A cursor Stride issued, its list not yet checked: for a list read in one statement, whose
     * scope (the owner's id) is known only once the statement has run. {@link Invalid} if Stride
     * did not issue it.
     */
    public static Issued read(String cursor) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int bodyLength = SCOPE_BYTES + Long.BYTES + Long.BYTES;
        if (token.length != bodyLength + MAC_BYTES) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(token, bodyLength);
        byte[] mac = Arrays.copyOfRange(token, bodyLength, token.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(body), MAC_BYTES))) {
            throw invalid();
        }
        ByteBuffer payload = ByteBuffer.wrap(body);
        byte[] issuedScope = new byte[SCOPE_BYTES];
        payload.get(issuedScope);
        long day = payload.getLong();
        long id = payload.getLong();
        if (id < 1 || (day != Long.MIN_VALUE && (day < FIRST_DAY || day > LAST_DAY))) {
            throw invalid();
        }
        return new Issued(issuedScope, new Position(day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day), id));
    }

    /** A cursor whose signature is checked: its position, and the list it was issued for. */
    public static final class Issued {

        private final byte[] scope;
        private final Position position;

        private Issued(byte[] scope, Position position) {
            this.scope = scope;
            this.position = position;
        }

        /**
         * The position, unchecked: for a statement that only reads and runs before the list is
         * known; its answer counts only once {@link #within} has accepted the list.
         */
        public Position position() {
            return position;
        }

        /** The position, if the cursor was issued for {@code scope}; {@link Invalid} otherwise. */
        public Position within(String scope) {
            if (!MessageDigest.isEqual(this.scope, Arrays.copyOf(digest(scope), SCOPE_BYTES))) {
                throw Invalid.field("cursor", "was issued for a different list or different filters");
            }
            return position;
        }
    }

    private static Invalid invalid() {
        return Invalid.field("cursor", "is not a cursor that Stride issued");
    }

    private static byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String scope) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the key now, so that a function on Lambda without one fails its init (with the reason
     * in the log) instead of failing its first list request.
     */
    public static void requireKey() {
        if (KEY.length == 0) {
            throw new IllegalStateException("no cursor key");
        }
    }

    static byte[] key(String configured, Map<String, String> env) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        boolean onLambda = env.get("AWS_LAMBDA_FUNCTION_NAME") != null && !"true".equals(env.get("AWS_SAM_LOCAL"));
        if (onLambda) {
            throw new IllegalStateException(KEY_VARIABLE + " is not set (nor " + KEY_VARIABLE + SecretSettings.ARN_SUFFIX
                    + "): on Lambda paging cursors must be signed with a key of the deployment's own; refusing to start");
        }
        return "stride-default-cursor-key".getBytes(StandardCharsets.UTF_8);
    }
}
