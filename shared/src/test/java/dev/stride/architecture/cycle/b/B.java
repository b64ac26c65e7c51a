package dev.stride.architecture.cycle.b;

import dev.stride.architecture.cycle.a.A;

/** The other half of the deliberate package cycle. */
public final class B {

    public A next() {
        return new A();
    }
}
