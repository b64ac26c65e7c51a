package dev.stride.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * How to call a handler named {@code package.Class::method}, the forms the Lambda Java runtime
 * accepts: a {@link RequestHandler}, a {@link RequestStreamHandler}, or a public method taking the
 * input (and optionally the {@link Context}), or an input and output stream.
 *
 * <p>An input of the handler's declared type is passed as it is (the server builds
 * {@code APIGatewayV2HTTPEvent}s from the very class the function sees); any other input goes
 * through JSON into the declared type, as the Lambda runtime's serializer would do.
 */
final class HandlerMethod {

    private final Class<?> type;
    private final Method method;
    private final Type inputType;
    private final boolean streams;
    private final boolean takesContext;

    private HandlerMethod(Class<?> type, Method method, Type inputType, boolean streams, boolean takesContext) {
        this.type = type;
        this.method = method;
        this.inputType = inputType;
        this.streams = streams;
        this.takesContext = takesContext;
        method.setAccessible(true);
    }

    static HandlerMethod resolve(Class<?> type, String methodName) {
        String name = methodName == null ? "handleRequest" : methodName;
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .toList();
        // The most specific form first, as the Lambda runtime prefers them.
        for (Method m : candidates) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class) {
                return new HandlerMethod(type, m, null, true, true);
            }
        }
        for (Method m : candidates) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
                return new HandlerMethod(type, m, null, true, false);
            }
        }
        for (Method m : candidates) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 2 && p[1] == Context.class) {
                return new HandlerMethod(type, m, m.getGenericParameterTypes()[0], false, true);
            }
        }
        for (Method m : candidates) {
            if (m.getParameterCount() == 1) {
                return new HandlerMethod(type, m, m.getGenericParameterTypes()[0], false, false);
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no public handler method " + name
                + "(input[, Context]) or (InputStream, OutputStream[, Context])");
    }

    /** A new handler object (null for a static method): Lambda's init phase. */
    Object instantiate() throws Exception {
        if (Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** Calls the handler; a stream handler's output comes back as {@link JsonOutput}. */
    Object call(Object handler, Object input, Context context, ObjectMapper json) throws Exception {
        try {
            if (streams) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                InputStream in = new ByteArrayInputStream(json.writeValueAsBytes(input));
                if (takesContext) {
                    method.invoke(handler, in, out, context);
                } else {
                    method.invoke(handler, in, out);
                }
                return new JsonOutput(out.toByteArray());
            }
            Object argument = adapt(input, json);
            return takesContext ? method.invoke(handler, argument, context) : method.invoke(handler, argument);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    /** What the handler itself threw. */
    private static Exception unwrap(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : e;
    }

    private Object adapt(Object input, ObjectMapper json) {
        Class<?> raw = json.getTypeFactory().constructType(inputType).getRawClass();
        if (input == null || raw.isInstance(input)) {
            return input;
        }
        return json.convertValue(input, json.getTypeFactory().constructType(inputType));
    }
}
