package dev.stride.runs;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A run's distance in its unit: greater than 0 and at most 1000. Distances are answered to 3
 * decimals, so one under 0.001 would read as 0 (and make an endless pace): it is refused too.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Distance.Validator.class)
public @interface Distance {

    double MIN = 0.001;
    double MAX = 1000;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Distance, Double> {
        @Override
        public boolean isValid(Double value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = value <= 0 ? "must be greater than 0"
                    : value < MIN ? "must be at least 0.001"
                    : value > MAX ? "must be at most 1000 (in the given unit)"
                    : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
