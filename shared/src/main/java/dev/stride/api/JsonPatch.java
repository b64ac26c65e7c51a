package dev.stride.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.domain.Patch;
import dev.stride.json.RequestBinder;
import dev.stride.validation.Validation;

/**
 * A PATCH body as a {@link Patch}: the fields it sends are laid over the current values, a field
 * left out keeps its value, {@code null} clears an optional field, and the result is checked like
 * a create, plus the {@link Validation.OnUpdate} group (a field with a default on create cannot
 * be cleared).
 */
final class JsonPatch<R extends Record> implements Patch<R> {

    private final ObjectNode changes;
    private final Class<R> type;

    JsonPatch(ObjectNode changes, Class<R> type) {
        this.changes = changes;
        this.type = type;
    }

    @Override
    public R applyTo(R current) {
        ObjectNode merged = RequestBinder.toNode(current);
        merged.setAll(changes);
        return RequestBinder.bind(merged, type, Validation.OnUpdate.class);
    }
}
