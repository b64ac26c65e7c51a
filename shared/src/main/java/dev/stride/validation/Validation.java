package dev.stride.validation;

import dev.stride.domain.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Bean Validation, built once per instance; violations become one 400 naming every bad field. */
public final class Validation {

    // ParameterMessageInterpolator: messages need only {min}/{max}, so no Expression Language
    // implementation is loaded, which keeps it off the cold start.
    private static final Validator VALIDATOR = jakarta.validation.Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private Validation() {
    }

    /** Every violated constraint of {@code value}, in the Default group and {@code groups}, by field. */
    public static List<FieldError> violations(Object value, Class<?>... groups) {
        Class<?>[] all = new Class<?>[groups.length + 1];
        all[0] = Default.class;
        System.arraycopy(groups, 0, all, 1, groups.length);
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(value, all);
        return violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /** {@code tags[2]} rather than Hibernate's {@code tags[2].<list element>}. */
    private static String field(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    /** The group of checks a PATCH adds: fields that have a default on create cannot be cleared. */
    public interface OnUpdate {
    }
}
