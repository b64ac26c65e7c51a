package dev.stride.paging;

import dev.stride.aws.SecretSettings;
import dev.stride.domain.Invalid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyset cursors: the position after the last item of a page ({@code date}, {@code id} in the
 * list's order), bound to the list and filters it was issued for, and signed, so that a cursor
 * Stride did not issue, or one reused with other filters, is refused (400).
 *
 * <p>The key is {@code STRIDE_CURSOR_KEY} (on AWS, the secret {@code STRIDE_CURSOR_KEY_SECRET_ARN}
 * names: see {@link SecretSettings}); without it a built-in key is used, which still
 * detects damaged and reused cursors but lets someone who reads this code forge one. A forged
 * cursor can only move within the caller's own list, whose ownership is checked regardless.
 */
public final class Cursor {

    public static final String KEY_VARIABLE = "STRIDE_CURSOR_KEY";
    private static final byte[] KEY = key(SecretSettings.get(KEY_VARIABLE));
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
        if (!MessageDigest.isEqual(issuedScope, Arrays.copyOf(digest(scope), SCOPE_BYTES))) {
            throw Invalid.field("cursor", "was issued for a different list or different filters");
        }
        long day = payload.getLong();
        long id = payload.getLong();
        if (id < 1 || (day != Long.MIN_VALUE && (day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()))) {
            throw invalid();
        }
        return new Position(day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day), id);
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

    private static byte[] key(String configured) {
        String key = configured == null || configured.isBlank() ? "stride-default-cursor-key" : configured;
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
