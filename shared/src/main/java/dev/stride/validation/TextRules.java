package dev.stride.validation;

/** The rules of {@link Text}, for text that is not in a request record too (query parameters, stored tags). */
public final class TextRules {

    private TextRules() {
    }

    /**
     * What is wrong with {@code value} as text of {@code min} to {@code max} code points, or null
     * when nothing is; for text outside request records (query parameters, normalised tags) too.
     */
    public static String problem(String value, int min, int max) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return min == max ? "must be exactly " + max + " characters"
                    : "must be between " + min + " and " + max + " characters";
        }
        if (min > 0 && value.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
