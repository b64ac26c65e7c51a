package dev.stride.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Half up on the decimal a double prints as, whichever way through BigDecimal the value takes. */
class RoundingTest {

    @Test
    void roundsHalfUpEveryWay() {
        assertThat(Rounding.round(5.2, 3)).isEqualTo(5.2);               // fewer decimals than asked
        assertThat(Rounding.round(19.079, 3)).isEqualTo(19.079);         // as many
        assertThat(Rounding.round(373.9714869752, 1)).isEqualTo(374.0);  // more, rounded up
        assertThat(Rounding.round(7.4995, 3)).isEqualTo(7.5);            // the half, up
        assertThat(Rounding.round(7.4994, 3)).isEqualTo(7.499);          // below the half, down
        assertThat(Rounding.round(1.0005, 3)).isEqualTo(1.001);          // as printed, not as stored (1.000499…)
        assertThat(Rounding.round(1.0E7, 3)).isEqualTo(1.0E7);           // exponent notation
        assertThat(Rounding.round(1.0E-4, 3)).isEqualTo(0.0);
        assertThat(Rounding.round((Double) null, 1)).isNull();
    }
}
