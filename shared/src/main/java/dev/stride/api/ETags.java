package dev.stride.api;

import dev.stride.domain.Precondition;
import dev.stride.domain.Revision;
import java.util.HashSet;
import java.util.Set;

/**
 * Strong entity tags for single resources: {@code "<id>-<version>"}. The id is part of the tag so
 * that {@code /users/me} of a profile deleted and created again never matches the old one's tag.
 */
final class ETags {

    private ETags() {
    }

    static String of(Revision revision) {
        // A StringBuilder, not +: this shape of + (two longs) costs a cold start ~14 generated
        // classes (string concatenation is invokedynamic) on the first response with a tag.
        return new StringBuilder(24).append('"').append(revision.id()).append('-').append(revision.version()).append('"')
                .toString();
    }

    /** {@code If-Match} as a domain precondition: absent, {@code *}, or a list of tags (weak ones never match). */
    static Precondition ifMatch(String header) {
        if (header == null) {
            return Precondition.NONE;
        }
        if (header.strip().equals("*")) {
            return Precondition.ANY;
        }
        return Precondition.oneOf(revisions(header, false));
    }

    /** Whether {@code If-None-Match} matches the current revision (weak comparison, as RFC 9110 says for it). */
    static boolean noneMatchHits(String header, Revision current) {
        if (header == null) {
            return false;
        }
        return header.strip().equals("*") || revisions(header, true).contains(current);
    }

    private static Set<Revision> revisions(String header, boolean weakToo) {
        Set<Revision> revisions = new HashSet<>();
        for (String raw : header.split(",")) {
            String tag = raw.strip();
            if (tag.startsWith("W/")) {
                if (!weakToo) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
                continue;
            }
            String[] parts = tag.substring(1, tag.length() - 1).split("-", -1);
            if (parts.length == 2) {
                try {
                    revisions.add(new Revision(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
                } catch (NumberFormatException notOurs) {
                    // A tag Stride never issued: it matches nothing.
                }
            }
        }
        return revisions;
    }
}
