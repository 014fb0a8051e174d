package io.strongroom.bench.kms;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's CPU counters ({@code /proc/stat}) and this JVM's CPU time at one instant, so that a
 * measured window can say how much of the machine this process used, how much other processes took
 * and how much the hypervisor stole: a figure measured beside a busy neighbour is not this code's.
 */
record CpuSample(long wallNanos, long processCpuNanos, Optional<long[]> machineJiffies) {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * Shares of the machine's capacity (all cores) during a window.
     *
     * @param process this JVM (load generator, server and baseline alike)
     * @param others  busy time of every other process, or NaN without {@code /proc/stat}
     * @param steal   time the hypervisor gave to other guests, or NaN
     */
    record Share(double process, double others, double steal) {
        @Override
        public String toString() {
            return Double.isNaN(others)
                    ? String.format(java.util.Locale.ROOT, "this JVM %.0f%% of %d cores", process * 100, CORES)
                    : String.format(java.util.Locale.ROOT,
                            "this JVM %.0f%%, other processes %.0f%%, steal %.0f%% of %d cores",
                            process * 100, others * 100, steal * 100, CORES);
        }
    }

    static CpuSample now() {
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        return new CpuSample(System.nanoTime(), cpu, jiffies());
    }

    Share since(CpuSample earlier) {
        double capacity = (double) (wallNanos - earlier.wallNanos) * CORES;
        double process = (processCpuNanos - earlier.processCpuNanos) / capacity;
        if (machineJiffies.isEmpty() || earlier.machineJiffies.isEmpty()) {
            return new Share(process, Double.NaN, Double.NaN);
        }
        long[] now = machineJiffies.get();
        long[] then = earlier.machineJiffies.get();
        double total = now[0] - then[0];
        double busy = total - (now[1] - then[1]) - (now[2] - then[2]);
        double steal = (now[2] - then[2]) / total;
        return new Share(process, Math.max(0, busy / total - process), steal);
    }

    /** Total, idle (with I/O wait) and steal jiffies of the {@code cpu} line. */
    private static Optional<long[]> jiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user … steal; guest time is inside user
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
            return Optional.of(new long[] {total, idle, steal});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
