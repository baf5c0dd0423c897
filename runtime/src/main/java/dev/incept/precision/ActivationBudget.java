package dev.incept.precision;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.BlockReport;
import dev.incept.analysis.Convention;
import dev.incept.spec.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Refuses, before an engine loads, a network and batch whose activations cannot be allocated: a
 * layer whose output for the whole batch has more values than one tensor can index (2^31 - 1),
 * or activations that, kept for the backward pass with their gradients, need more memory than the
 * machine has. The figures come from the analysis, so the message names the layer.
 */
public final class ActivationBudget {
    private static final int BYTES_PER_VALUE = 4;
    // the output and its gradient; engines keep more (batch norm's statistics, pooling indices),
    // so this is a floor: refusing below it is never wrong
    private static final int COPIES = 2;

    private ActivationBudget() {
    }

    public static void check(Network network, int batch) {
        check(network, batch, physicalMemory());
    }

    static void check(Network network, int batch, OptionalLong memory) {
        Analysis a = Analyzer.analyze(network, Convention.PYTORCH, true);
        Set<String> parents = new HashSet<>();
        for (BlockReport b : a.blocks()) {
            for (int i = b.path().indexOf('/'); i >= 0; i = b.path().indexOf('/', i + 1)) {
                parents.add(b.path().substring(0, i));
            }
        }
        long inputValues = network.input().elements() * batch;
        if (inputValues > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the input batch, %d x %s, is %d values, more than one tensor holds (%d); use a smaller batch or input size",
                    batch, network.input(), inputValues, Integer.MAX_VALUE));
        }
        double total = 0;
        for (BlockReport b : a.blocks()) {
            long values = b.output().elements() * batch;
            if (values > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: its output for a batch of %d, %d x %s, is %d values, more than one tensor holds (%d); "
                                + "use a smaller batch or input size", b.path(), batch, batch, b.output(), values, Integer.MAX_VALUE));
            }
            if (!parents.contains(b.path())) {
                total += (double) values * BYTES_PER_VALUE * COPIES;
            }
        }
        if (memory.isPresent() && total > memory.getAsLong()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "'%s' at a batch of %d needs at least %.1f GB for its activations and their gradients, and this machine "
                            + "has %.1f GB; use a smaller batch or input size", network.name(), batch, total / 1e9,
                    memory.getAsLong() / 1e9));
        }
    }

    /** MemTotal from /proc/meminfo; empty where there is none. */
    static OptionalLong physicalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the engine's own allocation failure is the last word there
        }
        return OptionalLong.empty();
    }
}
