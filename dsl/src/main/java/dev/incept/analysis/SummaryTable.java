package dev.incept.analysis;

import java.util.Locale;

/** The analysis as a fixed-width text table, the way Keras' model.summary() prints a model. */
public final class SummaryTable {
    private SummaryTable() {
    }

    /** Blocks down to {@code maxDepth} (0 = top-level blocks only). */
    public static String render(Analysis a, int maxDepth) {
        int pathWidth = "block".length();
        for (BlockReport b : a.blocks()) {
            if (b.depth() <= maxDepth) {
                pathWidth = Math.max(pathWidth, b.path().length() + 2 * b.depth());
            }
        }
        pathWidth = Math.min(pathWidth, 60);
        String row = "%-" + pathWidth + "s  %-30s  %14s  %14s  %16s  %9s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s  input %s  batch-norm convention %s%s%n%n", a.network(), a.input(),
                a.convention().label(), a.includesAux() && !a.auxOutputs().isEmpty() ? "  (with aux heads)" : ""));
        out.append(String.format(Locale.ROOT, row, "block", "kind", "output", "params", "multiply-adds", "RF"));
        out.append("-".repeat(pathWidth + 30 + 14 + 14 + 16 + 9 + 10)).append('\n');
        for (BlockReport b : a.blocks()) {
            if (b.depth() > maxDepth) {
                continue;
            }
            String path = "  ".repeat(b.depth()) + b.path();
            out.append(String.format(Locale.ROOT, row, clip(path, pathWidth), clip(b.kind(), 30), b.output(),
                    grouped(b.params()), grouped(b.macs()), b.receptiveField()));
        }
        out.append("-".repeat(pathWidth + 30 + 14 + 14 + 16 + 9 + 10)).append('\n');
        out.append(String.format(Locale.ROOT, "output %s%n", a.output()));
        out.append(String.format(Locale.ROOT, "params %s (trainable %s, non-trainable %s)%n", grouped(a.params()),
                grouped(a.trainableParams()), grouped(a.nonTrainableParams())));
        out.append(String.format(Locale.ROOT, "multiply-adds %s (%.3f G)%n", grouped(a.macs()), a.macs() / 1e9));
        return out.toString();
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
