package dev.stride.runs;

import dev.stride.paging.DateRange;
import dev.stride.paging.ListParameters;
import dev.stride.validation.TextRules;

/** Which runs a list holds: those dated within {@code dates} and, if given, tagged {@code tag} (as stored). */
public record RunFilter(DateRange dates, String tag) {

    /** The {@code from}, {@code to} and {@code tag} parameters; a tag is compared as it is stored. */
    public static RunFilter read(ListParameters parameters) {
        DateRange dates = parameters.dates();
        String raw = parameters.get("tag");
        if (raw == null) {
            return new RunFilter(dates, null);
        }
        String tag = Tags.normalise(raw);
        String problem = TextRules.problem(tag, 1, TagName.MAX);
        if (problem != null) {
            parameters.reject("tag", problem);
        }
        return new RunFilter(dates, tag);
    }
}
