package dev.stride.local.template;

/** The template cannot be served: the message says what to fix, and where. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
