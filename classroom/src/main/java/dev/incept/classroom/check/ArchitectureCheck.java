package dev.incept.classroom.check;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.diff.ArchitectureDiff;
import dev.incept.spec.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A student's network against the reference, by the analyser: output shape, parameter count,
 * multiply-adds and block structure (names aside) each earn a quarter; the message names the
 * first block where the two part, with numbers (ArchitectureDiff).
 */
final class ArchitectureCheck {
    record Outcome(double share, String message) {
    }

    private ArchitectureCheck() {
    }

    static Outcome compare(Network student, Network reference) {
        boolean aux = !reference.auxHeads().isEmpty();
        Analysis s = Analyzer.analyze(student.withInput(reference.input()), Convention.PYTORCH, aux);
        Analysis r = Analyzer.analyze(reference, Convention.PYTORCH, aux);
        ArchitectureDiff d = ArchitectureDiff.of(s, r);
        List<String> lost = new ArrayList<>();
        int parts = 0;
        if (s.output().equals(r.output())) {
            parts++;
        } else {
            lost.add("output " + s.output() + " where the reference has " + r.output());
        }
        if (s.params() == r.params()) {
            parts++;
        } else {
            lost.add(String.format(Locale.ROOT, "%,d parameters where the reference has %,d", s.params(), r.params()));
        }
        if (s.macs() == r.macs()) {
            parts++;
        } else {
            lost.add(String.format(Locale.ROOT, "%.1f M multiply-adds where the reference has %.1f M", s.macs() / 1e6, r.macs() / 1e6));
        }
        if (d.same()) {
            parts++;
        }
        String where = d.origin().map(o -> o.explanation()).orElse("");
        String message = String.join("; ", lost);
        if (!where.isEmpty()) {
            message = message.isEmpty() ? where : message + ". " + where;
        }
        return new Outcome(parts / 4.0, message);
    }
}
