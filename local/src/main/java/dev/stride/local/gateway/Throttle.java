package dev.stride.local.gateway;

import dev.stride.local.template.ThrottleSpec;
import java.util.function.LongSupplier;

/**
 * API Gateway's throttling of one route, a token bucket: it holds up to the burst limit, refills
 * at the rate limit per second, and a request that finds it empty is answered
 * {@code 429 {"message":"Too Many Requests"}} before any function runs. With only a rate, the
 * burst is the rate (at least 1); with only a burst, the bucket refills a burst per second.
 */
final class Throttle {

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    Throttle(ThrottleSpec spec, LongSupplier nanoClock) {
        double rate = spec.rateLimit() != null ? spec.rateLimit() : spec.burstLimit();
        this.capacity = spec.burstLimit() != null ? spec.burstLimit() : Math.max(1, Math.ceil(rate));
        this.ratePerNano = Math.max(0, rate) / 1e9;
        this.clock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** Takes a token if there is one. */
    synchronized boolean tryAcquire() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
