package dev.baton.plan.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * How long one search may run: at most {@code schedules} schedule passes and at most
 * {@code timeLimit}, whichever comes first, and the seed of its random choices. With the same
 * project, seed and a schedule limit that is reached first, a search gives the same schedule on
 * every machine; a run stopped by the time limit stops wherever the machine's speed got it.
 *
 * @param clock what the time limit is measured on: the wall clock (what a user waits), or the CPU
 *     time of the searching thread (what a benchmark on a shared, loaded machine should count)
 */
public record Budget(long schedules, Duration timeLimit, long seed, Clock clock) {

    public static final long UNLIMITED = Long.MAX_VALUE;
    private static final Duration FOREVER = Duration.ofDays(365);

    /** The clock a time limit is measured on. */
    public enum Clock { WALL, THREAD_CPU }

    public Budget {
        if (schedules <= 0) {
            throw new IllegalArgumentException("the schedule limit must be positive, found " + schedules);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, found " + timeLimit);
        }
    }

    public Budget(long schedules, Duration timeLimit, long seed) {
        this(schedules, timeLimit, seed, Clock.WALL);
    }

    /** Stops after the time limit only. */
    public static Budget time(Duration timeLimit, long seed) {
        return new Budget(UNLIMITED, timeLimit, seed);
    }

    /** Stops after a number of schedule passes only: the same result on every machine. */
    public static Budget schedules(long schedules, long seed) {
        return new Budget(schedules, FOREVER, seed);
    }

    /** The same budget with its time limit counted in the searching thread's CPU time. */
    public Budget onCpuClock() {
        return new Budget(schedules, timeLimit, seed, Clock.THREAD_CPU);
    }

    boolean hasTimeLimit() {
        return timeLimit.compareTo(FOREVER) < 0;
    }

    /** A stopwatch for this budget's time limit, started now. */
    Stopwatch start() {
        return new Stopwatch(this);
    }

    /** Tells whether the time limit has passed; reads the clock only every few calls, as CPU time is dearer to read. */
    static final class Stopwatch {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final boolean cpu;
        private final long stopAt;
        private final boolean limited;
        private int calls;
        private boolean over;

        private Stopwatch(Budget budget) {
            this.cpu = budget.clock == Clock.THREAD_CPU;
            this.limited = budget.hasTimeLimit();
            this.stopAt = now() + (limited ? budget.timeLimit.toNanos() : 0);
        }

        private long now() {
            return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }

        boolean over() {
            if (!over && limited && (calls++ & 7) == 0) {
                over = now() >= stopAt;
            }
            return over;
        }
    }
}
