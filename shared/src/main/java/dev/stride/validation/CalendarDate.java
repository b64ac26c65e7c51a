package dev.stride.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A date a run or a mood can have: not after tomorrow (UTC; tomorrow, so that a runner ahead of
 * UTC can record today's run) and not before 1900-01-01. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CalendarDate.Validator.class)
public @interface CalendarDate {

    String message() default "must not be after tomorrow (UTC)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    final class Validator implements ConstraintValidator<CalendarDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isBefore(EARLIEST)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not be before 1900-01-01")
                        .addConstraintViolation();
                return false;
            }
            return !value.isAfter(LocalDate.now(Clock.systemUTC()).plusDays(1));
        }
    }
}
