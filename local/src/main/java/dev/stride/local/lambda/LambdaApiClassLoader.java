package dev.stride.local.lambda;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every function's class loader: the JDK, plus Lambda's own interfaces and event
 * types ({@code com.amazonaws.services.lambda.runtime.*}) from the server's class path, so that a
 * handler's {@code APIGatewayV2HTTPEvent} is the very class the server builds events with. Nothing
 * else of the server (dev.stride, Jackson, EclipseLink…) is visible, so a function only ever sees
 * the classes of its own deployment package, as on Lambda.
 */
final class LambdaApiClassLoader extends ClassLoader {

    private static final String SHARED_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String SHARED_RESOURCES = SHARED_PACKAGE.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader server;

    LambdaApiClassLoader(ClassLoader server) {
        super("lambda-runtime-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED_PACKAGE)) {
            // A class the server lacks (say, aws-lambda-java-serialization's) ends in
            // ClassNotFoundException here, and the function's loader then finds its own copy.
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected URL findResource(String name) {
        return name.startsWith(SHARED_RESOURCES) ? server.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return name.startsWith(SHARED_RESOURCES) ? server.getResources(name) : Collections.emptyEnumeration();
    }
}
