package dev.stride.local.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The functions' {@code MemorySize}, honoured the way it bounds an account: every live instance
 * holds its function's MemorySize from this budget (the server's {@code --memory}), and a new
 * instance starts only when its MemorySize fits. When it does not, the least recently used idle
 * instance of any function is reclaimed to make room; when none is idle, the request waits for
 * one, within its time limit. This is what keeps the server's instances (and so its memory and
 * its database connections) bounded however many functions the template has.
 */
public final class MemoryBudget {

    private final int totalMb;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final List<FunctionRuntime> functions = new CopyOnWriteArrayList<>();
    private int usedMb;

    public MemoryBudget(int totalMb) {
        if (totalMb < 128) {
            throw new IllegalArgumentException("--memory must be at least 128 (MB)");
        }
        this.totalMb = totalMb;
    }

    public int totalMb() {
        return totalMb;
    }

    public int usedMb() {
        lock.lock();
        try {
            return usedMb;
        } finally {
            lock.unlock();
        }
    }

    void register(FunctionRuntime function) {
        functions.add(function);
    }

    /** Takes {@code mb}, reclaiming idle instances for room, waiting until {@code deadlineNanos} at most. */
    boolean reserve(int mb, long deadlineNanos) {
        if (mb > totalMb) {
            return false;
        }
        while (true) {
            lock.lock();
            try {
                if (usedMb + mb <= totalMb) {
                    usedMb += mb;
                    return true;
                }
            } finally {
                lock.unlock();
            }
            if (reclaimLeastRecentlyUsed()) {
                continue;
            }
            lock.lock();
            try {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                released.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Reserves without waiting or reclaiming: for instances started ahead of traffic. */
    boolean tryReserve(int mb) {
        lock.lock();
        try {
            if (usedMb + mb > totalMb) {
                return false;
            }
            usedMb += mb;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release(int mb) {
        lock.lock();
        try {
            usedMb -= mb;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean reclaimLeastRecentlyUsed() {
        FunctionRuntime oldest = null;
        long oldestUse = Long.MAX_VALUE;
        for (FunctionRuntime function : functions) {
            long lastUse = function.leastRecentIdleUse();
            if (lastUse < oldestUse) {
                oldestUse = lastUse;
                oldest = function;
            }
        }
        return oldest != null && oldest.reclaimLeastRecentlyUsed();
    }
}
