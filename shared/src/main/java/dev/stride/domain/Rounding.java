package dev.stride.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding as every response does it: kilometres to 3 decimals, paces to 1, half up. */
public final class Rounding {

    private Rounding() {
    }

    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    public static Double round(Double value, int decimals) {
        return value == null ? null : round(value.doubleValue(), decimals);
    }

    // Values whose rounding takes each of BigDecimal.setScale's ways: fewer decimals than asked
    // (5.2), as many (19.079, 320.0 to 1), more, rounded down and up (373.97…, 7.4995, 7.5005),
    // none (10.0), zero, and exponent notation (1.0E7, 1.0E-4).
    private static final double[] EVERY_WAY = {5.2, 19.079, 320.0, 373.9714869752, 7.4995, 7.5005, 10.0, 0.0, 1.0E7, 1.0E-4};

    /**
     * Rounds values that take every way through the rounding, to 1 and to 3 decimals: SnapStart
     * priming calls this, since its own run (one distance, one pace) takes only some of them, and
     * a way the JIT has not seen taken is linked and interpreted in the first real request that
     * takes it (measured in docs/performance.md).
     */
    public static void exerciseEveryWay() {
        for (double value : EVERY_WAY) {
            round(value, 1);
            round(value, 3);
        }
    }
}
