package dev.incept.cli;

import dev.incept.command.UsageException;
import dev.incept.bench.BenchCase;
import dev.incept.bench.BenchCommand;
import dev.incept.bench.WeightsCheck;

import dev.incept.spec.ControlCharacters;
import dev.incept.failure.InceptException;
import dev.incept.zoo.Card;
import dev.incept.zoo.Zoo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The `incept` command. Errors are one line on stderr and a non-zero exit, never a stack trace. */
public final class Main {
    static final String USAGE = """
            incept: declarative Inception-family networks

            usage: incept COMMAND [options]

            commands:
              models                 list the model zoo, one line each
              summary MODEL          shapes, parameters, multiply-adds and receptive field per block
              summary --spec FILE    the same for a description file (incept/1 JSON)
              diff A B               the blocks where two networks differ, and where they first part
              assign build|check|grade   assignments as Kotlin notebooks: student versions, grading
              train [MODEL]          train on a real data set (default: inception-mini on Fashion-MNIST)
              eval RUN_DIR           a run's test accuracy from its checkpoint (--mirror: with flip test-time augmentation)
              sweep FILE.json        a grid of training runs on Spark (embedded, or an existing cluster)
              export RUN_DIR         a run (or a zoo model with --weights FILE) as an ONNX model: --onnx FILE.onnx
              bench                  training speed against DJL's own GoogLeNet, per engine, against the matmul peak
              help [COMMAND]         this text, or a command's options

            examples:
              incept summary inception-v3 --convention keras
              incept summary googlenet-3x3 --aux --format json
              incept summary --spec my-net.json --input 96
              incept diff googlenet googlenet-3x3""";

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    /** Runs one incept command in this JVM and returns its exit status (what {@link #main} exits with). */
    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
            out.println(USAGE);
            return argv.isEmpty() ? 2 : 0;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            if (rest.contains("--help") || rest.contains("-h")) {
                return help(List.of(command), out);
            }
            return switch (command) {
                case "models" -> models(rest, out);
                case "summary" -> SummaryCommand.run(rest, out);
                case "diff" -> DiffCommand.run(rest, out);
                case "assign" -> AssignCommand.run(rest, out);
                case "train" -> TrainCommand.run(rest, out, err);
                case "eval" -> EvalCommand.run(rest, out);
                case "export" -> ExportCommand.run(rest, out);
                case "sweep" -> sweep(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err, Main.class);
                case "bench-case" -> BenchCase.run(rest, out);
                case "weights-check" -> WeightsCheck.run(rest, out);
                case "help" -> help(rest, out);
                default -> throw new UsageException("unknown command '" + command + "'; try 'incept --help'");
            };
        } catch (dev.incept.run.SettingException e) {
            err.println(ControlCharacters.escape("incept: " + TrainWords.line(e)));
            return e.exitCode();
        } catch (InceptException e) {
            err.println(ControlCharacters.escape("incept: " + e.userLine()));
            return e.exitCode();
        } catch (java.io.IOException e) {
            err.println(ControlCharacters.escape("incept: " + e.getMessage()));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(ControlCharacters.escape("incept: " + e.getMessage()));
            return 2;
        } catch (RuntimeException | Error e) {
            err.println(ControlCharacters.escape("incept: " + Unexpected.report(e, argv)));
            return 1;
        }
    }

    /**
     * Sweeps live in the incept-sweep module (Spark and its 130-odd jars), which the launcher puts on
     * the class path for this command only.
     */
    private static int sweep(List<String> rest, PrintStream out, PrintStream err) {
        try {
            return dev.incept.sweep.SweepCommand.run(rest, out, err, ExecutorJars::list);
        } catch (NoClassDefFoundError e) {
            throw new UsageException("sweeps need the incept-sweep module and Spark on the class path (./incept adds them once built: mvn -pl sweep -am package); missing: " + e.getMessage());
        }
    }

    private static String sweepUsage() {
        try {
            return dev.incept.sweep.SweepCommand.USAGE;
        } catch (NoClassDefFoundError e) {
            return "usage: incept sweep FILE.json [--master local[N]|spark://HOST:PORT] [--out DIR] (needs the incept-sweep module)";
        }
    }

    private static int models(List<String> rest, PrintStream out) {
        if (!rest.isEmpty()) {
            throw new UsageException("models takes no arguments");
        }
        for (Zoo.Model m : Zoo.models()) {
            Card c = m.card();
            out.printf("%-24s %3dx%-3dx%d %4d classes  %s%n", m.name(), c.input(), c.input(), c.channels(), c.classes(), m.description());
        }
        return 0;
    }

    private static int help(List<String> rest, PrintStream out) {
        String topic = rest.isEmpty() ? "" : rest.get(0);
        switch (topic) {
            case "summary" -> out.println(SummaryCommand.USAGE);
            case "diff" -> out.println(DiffCommand.USAGE);
            case "assign" -> out.println(AssignCommand.USAGE);
            case "train" -> out.println(TrainCommand.USAGE);
            case "eval" -> out.println(EvalCommand.USAGE);
            case "export" -> out.println(ExportCommand.USAGE);
            case "sweep" -> out.println(sweepUsage());
            case "bench" -> out.println(BenchCommand.USAGE);
            case "models" -> out.println("usage: incept models\n  lists the model zoo, one line each");
            case "", "help" -> out.println(USAGE);
            default -> throw new UsageException("no help for unknown command '" + topic + "'");
        }
        return 0;
    }
}
