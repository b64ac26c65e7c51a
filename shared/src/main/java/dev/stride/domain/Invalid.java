package dev.stride.domain;

import java.util.List;

/** The input breaks the rules: every bad field at once. */
public final class Invalid extends DomainException {

    private final List<FieldError> errors;

    public Invalid(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static Invalid field(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
