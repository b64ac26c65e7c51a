package dev.stride.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The instance's cold start is its first real invocation: priming's synthetic ones before and after it are not. */
class InvocationTest {

    @Test
    void onlyTheFirstRealInvocationIsTheColdStart() throws ReflectiveOperationException {
        Field first = Invocation.class.getDeclaredField("FIRST");
        first.setAccessible(true);
        ((AtomicBoolean) first.get(null)).set(true); // as in a fresh (or restored) instance

        assertThat(synthetic().coldStart()).as("priming before the first request").isFalse();
        assertThat(real().coldStart()).as("the first real request").isTrue();
        assertThat(synthetic().coldStart()).as("priming after it").isFalse();
        assertThat(real().coldStart()).as("the second real request").isFalse();
    }

    private static Invocation real() {
        try (Invocation invocation = Invocation.begin(null)) {
            assertThat(invocation.synthetic()).isFalse();
            return invocation;
        }
    }

    private static Invocation synthetic() {
        return Invocation.synthetic(() -> {
            try (Invocation invocation = Invocation.begin(null)) {
                assertThat(invocation.synthetic()).isTrue();
                return invocation;
            }
        });
    }
}
