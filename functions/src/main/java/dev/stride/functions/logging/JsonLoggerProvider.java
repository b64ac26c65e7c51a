package dev.stride.functions.logging;

import dev.stride.observability.JulToJsonLines;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the Lambda zip: every log statement of the libraries that log through SLF4J
 * (the AWS SDK, Flyway) becomes one JSON line on stdout ({@link dev.stride.observability.JsonLines});
 * on start it also routes java.util.logging there. Stride's own code logs without SLF4J
 * ({@link dev.stride.observability.Log}), so a cold start of an API function does not start it. Chosen over Powertools' logging module (log4j2 or logback plus its own
 * Jackson-based layout) for cold start: it loads a handful of classes and no configuration file.
 */
public final class JsonLoggerProvider implements SLF4JServiceProvider {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, JsonLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        JulToJsonLines.install();
    }
}
