package dev.stride.architecture.cycle.a;

import dev.stride.architecture.cycle.b.B;

/** Half of a deliberate package cycle, which the cycle rule must report. */
public final class A {

    public B next() {
        return new B();
    }
}
