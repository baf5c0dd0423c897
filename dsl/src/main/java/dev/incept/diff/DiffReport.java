package dev.incept.diff;

import dev.incept.analysis.Analysis;
import dev.incept.spec.FeatureShape;
import java.util.Locale;

/**
 * A diff as text, the same for {@code incept diff} and a notebook: each network's size and cost,
 * then the blocks that differ (indented by depth) with their change in parameters and
 * multiply-adds, then where the two first part.
 */
public final class DiffReport {
    private DiffReport() {
    }

    /** @param depth the deepest blocks to list, or null for all */
    public static String text(ArchitectureDiff d, Integer depth) {
        StringBuilder b = new StringBuilder();
        b.append(headline(d.first())).append(headline(d.second()));
        if (d.same()) {
            return b.append("the same network (names aside)\n").toString();
        }
        b.append('\n').append(String.format(Locale.ROOT, "%-44s %-10s %-14s %-14s %14s %16s%n",
                "block", "change", "first", "second", "params", "multiply-adds"));
        for (BlockDelta x : d.differences()) {
            if (depth != null && x.depth() > depth) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "%-44s %-10s %-14s %-14s %+,14d %+15.1fM%n", "  ".repeat(x.depth()) + x.path(),
                    word(x.change()), shape(x.firstOutput()), shape(x.secondOutput()), x.deltaParams(), x.deltaMacs() / 1e6));
        }
        d.origin().ifPresent(o -> b.append("\nfirst difference: ").append(o.explanation()).append('\n'));
        return b.toString();
    }

    private static String headline(Analysis a) {
        return String.format(Locale.ROOT, "%s: %,d parameters, %.1f M multiply-adds, output %s%n", a.network(), a.params(), a.macs() / 1e6, a.output());
    }

    private static String word(Change c) {
        return switch (c) {
            case DIFFERS -> "differs";
            case ONLY_FIRST -> "only first";
            case ONLY_SECOND -> "only second";
        };
    }

    private static String shape(FeatureShape s) {
        return s == null ? "-" : s.toString();
    }
}
