package dev.stride.local.template;

/**
 * A route's throttling, from an HTTP API's {@code DefaultRouteSettings} or {@code RouteSettings}:
 * a steady rate in requests per second and a burst, API Gateway's token bucket. Either may be
 * null (not set).
 */
public record ThrottleSpec(Double rateLimit, Integer burstLimit) {

    /** This setting, with the unset values taken from {@code defaults}. */
    public ThrottleSpec over(ThrottleSpec defaults) {
        if (defaults == null) {
            return this;
        }
        return new ThrottleSpec(rateLimit != null ? rateLimit : defaults.rateLimit,
                burstLimit != null ? burstLimit : defaults.burstLimit);
    }

    /** Whether it limits anything. */
    public boolean limits() {
        return rateLimit != null || burstLimit != null;
    }
}
