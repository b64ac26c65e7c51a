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
}
