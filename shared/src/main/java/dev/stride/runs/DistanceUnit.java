package dev.stride.runs;

import java.util.Arrays;
import java.util.Optional;

/** The units a run's distance may be given in. */
public enum DistanceUnit {
    KM("km", 1.0),
    MI("mi", 1.609344);

    private final String code;
    private final double km;

    DistanceUnit(String code, double km) {
        this.code = code;
        this.km = km;
    }

    public String code() {
        return code;
    }

    public double toKm(double distance) {
        return distance * km;
    }

    public static Optional<DistanceUnit> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
