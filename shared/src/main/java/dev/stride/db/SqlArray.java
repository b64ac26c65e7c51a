package dev.stride.db;

import java.util.Collection;

/**
 * A PostgreSQL array literal ({@code {"a","b"}}) for a list of values, bound as one text parameter
 * and cast in the statement ({@code CAST(?1 AS varchar[])}): a whole list in one parameter of a
 * native statement, whatever its length, without relying on how the persistence provider binds
 * Java arrays.
 */
public final class SqlArray {

    private SqlArray() {
    }

    /** Every value quoted, with {@code "} and {@code \} escaped as the array input syntax requires. */
    public static String literal(Collection<?> values) {
        StringBuilder literal = new StringBuilder(16 * values.size() + 2).append('{');
        for (Object value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            String text = String.valueOf(value);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
