package dev.stride.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.json.RequestBinder;
import dev.stride.validation.Validation;

/**
 * The fields a PATCH sends, to be laid over the current values: a field left out keeps its value,
 * {@code null} clears an optional field, and the result is checked like a create, plus the
 * {@link Validation.OnUpdate} group (a field with a default on create cannot be cleared).
 */
public final class Patch<R extends Record> {

    private final ObjectNode changes;
    private final Class<R> type;

    Patch(ObjectNode changes, Class<R> type) {
        this.changes = changes;
        this.type = type;
    }

    /** The current values with the changes applied, validated; a 400 naming every bad field otherwise. */
    public R applyTo(R current) {
        ObjectNode merged = RequestBinder.toNode(current);
        merged.setAll(changes);
        return RequestBinder.bind(merged, type, Validation.OnUpdate.class);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
