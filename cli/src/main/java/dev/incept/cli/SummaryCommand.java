package dev.incept.cli;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.analysis.SummaryTable;
import dev.incept.json.AnalysisJson;
import dev.incept.spec.Network;
import dev.incept.spec.FeatureShape;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** incept summary MODEL | --spec FILE: shapes, parameters, multiply-adds per block. */
final class SummaryCommand {
    static final String USAGE = """
            usage: incept summary MODEL [options]
                   incept summary --spec FILE.json [options]
              --input N                 input height and width (default: the model's own)
              --channels N              input channels (default 3, or the file's)
              --classes N               number of classes (zoo models; default 1000)
              --aux                     build and count the auxiliary head(s)
              --no-aux-bn               auxiliary head without batch norm on its FC layer
              --convention keras|pytorch  how batch norm is counted (default pytorch)
              --format text|json|svg    output format (default text; svg: the architecture diagram)
              --depth N                 text: show blocks down to this depth (default 0 = top level)""";

    private SummaryCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args a = Args.parse(argv, Set.of("aux", "no-aux-bn"),
                Set.of("spec", "input", "channels", "classes", "convention", "format", "depth"));
        Convention convention = convention(a.get("convention", "pytorch"));
        String format = a.get("format", "text");
        if (!format.equals("text") && !format.equals("json") && !format.equals("svg")) {
            throw new UsageException("--format must be text, json or svg, got '" + format + "'");
        }
        Network net = network(a);
        FeatureShape input = net.input();
        Analysis analysis = Analyzer.analyze(net, input, convention, !net.auxHeads().isEmpty());
        if (format.equals("svg")) {
            out.print(dev.incept.diagram.ArchitectureDiagram.svg(net, analysis));
        } else if (format.equals("json")) {
            out.print(AnalysisJson.write(analysis));
        } else {
            Integer depth = a.get("depth", null) == null ? Integer.valueOf(0) : a.nonNegativeInt("depth");
            out.print(SummaryTable.render(analysis, depth));
        }
        return 0;
    }

    private static Network network(Args a) {
        String spec = a.get("spec", null);
        Integer input = a.positiveInt("input");
        Integer channels = a.positiveInt("channels");
        if (spec != null) {
            if (!a.positional.isEmpty()) {
                throw new UsageException("give a model name or --spec, not both");
            }
            if (a.get("classes", null) != null || a.flag("aux") || a.flag("no-aux-bn")) {
                throw new UsageException("--classes, --aux and --no-aux-bn apply to zoo models; edit the file instead");
            }
            return NetworkArg.file(Path.of(spec), input, channels);
        }
        if (a.positional.size() != 1) {
            throw new UsageException("summary needs one model name (see 'incept models') or --spec FILE");
        }
        return NetworkArg.zoo(a.positional.get(0), input, channels, a.positiveInt("classes"), a.flag("aux"), !a.flag("no-aux-bn"));
    }

    private static Convention convention(String text) {
        try {
            return Convention.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
