package dev.incept.cli;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.diff.ArchitectureDiff;
import dev.incept.diff.DiffReport;
import dev.incept.spec.Network;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** incept diff A B: the blocks that differ by path, and where the two first part. Exit 0 when the same, 1 when not. */
final class DiffCommand {
    static final String USAGE = """
            usage: incept diff A B [options]
              A, B                      zoo model names or description files (incept/1 JSON)
              --input N                 input height and width for both (default: each one's own)
              --channels N              input channels for both
              --classes N               classes, for zoo models (default 1000)
              --aux                     build and compare the auxiliary heads of zoo models
              --convention keras|pytorch  how batch norm is counted (default pytorch)
              --depth N                 list differing blocks down to this depth (default: all)
            exit status: 0 when the two are the same network (names aside), 1 when they differ""";

    private DiffCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args a = Args.parse(argv, Set.of("aux"), Set.of("input", "channels", "classes", "convention", "depth"));
        if (a.positional.size() != 2) {
            throw new UsageException("diff needs two networks: zoo names or description files");
        }
        Convention convention;
        try {
            convention = Convention.parse(a.get("convention", "pytorch"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Integer depth = a.get("depth", null) == null ? null : a.nonNegativeInt("depth");
        Analysis first = analyze(a.positional.get(0), a, convention);
        Analysis second = analyze(a.positional.get(1), a, convention);
        ArchitectureDiff d = ArchitectureDiff.of(first, second);
        out.print(DiffReport.text(d, depth));
        return d.same() ? 0 : 1;
    }

    private static Analysis analyze(String arg, Args a, Convention convention) {
        Network net = NetworkArg.either(arg, a.positiveInt("input"), a.positiveInt("channels"), a.positiveInt("classes"), a.flag("aux"));
        return Analyzer.analyze(net, net.input(), convention, !net.auxHeads().isEmpty());
    }
}
