package dev.stride.domain;

/** One bad field of a request: {@code {"field": "distance", "message": "must be greater than 0"}}. */
public record FieldError(String field, String message) {
}
