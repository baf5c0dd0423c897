package dev.incept.cli;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.onnx.Onnx;
import dev.incept.run.RunFolder;
import dev.incept.run.RunSpec;
import dev.incept.run.TrainSettings;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.run.Checkpoint;
import dev.incept.train.Trainer;
import dev.incept.weights.Weights;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** incept export: a trained run, or a zoo model with published weights, as an ONNX model. */
final class ExportCommand {
    static final String USAGE = """
            usage: incept export RUN_DIR --onnx FILE.onnx
                   incept export MODEL --weights FILE --onnx FILE.onnx [--input N] [--classes K]
              writes the network and its weights as an ONNX model (opset 17, the batch dimension symbolic,
              the image size fixed), computing the inference logits (batch norm's running statistics, no
              dropout, no aux heads); any ONNX runtime gives the same logits as incept
              RUN_DIR      a folder made by 'incept train': its last checkpoint, with the moving average
                           of the weights when the run kept one (the weights 'incept eval' scores)
              MODEL        a zoo model that mirrors torchvision's (googlenet-3x3, inception-v3-torchvision)
                           with --weights, a .pth (torch.save) or .safetensors state dict of torchvision's
              --input N    the image size (default: the model's own), --classes K (default 1000)""";

    private static final Set<String> VALUED = Set.of("onnx", "weights", "input", "classes", "engine");

    private ExportCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        Args a = Args.parse(argv, Set.of(), VALUED);
        if (a.positional.size() != 1) {
            throw new UsageException("export takes one run folder or model, got " + a.positional);
        }
        String onnx = a.get("onnx", null);
        if (onnx == null) {
            throw new UsageException("export needs --onnx FILE.onnx");
        }
        Path file = Path.of(onnx);
        String what = a.positional.get(0);
        if (a.get("weights", null) != null) {
            return fromWeights(a, what, Path.of(a.get("weights", null)), file, out);
        }
        Path runDir = Path.of(what);
        if (!Files.isDirectory(runDir)) {
            throw new UsageException(what + " is not a run folder; to export a zoo model give its weights: --weights FILE");
        }
        RunSpec saved = RunFolder.saved(runDir);
        RunSpec spec = saved.withPlace(a.get("engine", null) == null ? saved.engine() : (EngineChoice) dev.incept.run.TrainOption.ENGINE.parse(a.get("engine", null)), dev.incept.run.DeviceChoice.CPU);
        Engine engine = Engines.load(spec.engine());
        try (Trainer trainer = new Trainer(spec.network(), spec.config(), engine)) {
            int epochs = Checkpoint.restore(trainer, runDir.resolve(Checkpoint.FILE_NAME));
            trainer.withEvaluatedWeights(block -> Onnx.export(block, file));
            report(out, file, spec.network(), spec.config().emaDecay() > 0 ? "moving-average weights" : "live weights", "after " + epochs + " epochs");
        }
        return 0;
    }

    private static int fromWeights(Args a, String model, Path weights, Path file, PrintStream out) {
        Zoo.Model m = Zoo.find(model).orElseThrow(() -> new UsageException("unknown model '" + model + "'; try 'incept models'"));
        Integer input = a.positiveInt("input");
        if (input != null && input > TrainSettings.MAX_INPUT) {
            throw new UsageException("--input must be in [1, " + TrainSettings.MAX_INPUT + "], got " + input);
        }
        int classes = a.positiveInt("classes") == null ? m.card().classes() : a.positiveInt("classes");
        Network net = m.build(new ModelConfig(classes, m.card().channels(), input == null ? m.defaultInput() : input, false, true));
        EngineChoice choice = a.get("engine", null) == null ? EngineChoice.fromEnvironment() : (EngineChoice) dev.incept.run.TrainOption.ENGINE.parse(a.get("engine", null));
        try (NDManager manager = Engines.load(choice).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            FeatureShape in = net.input();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
            Weights.LoadReport loaded = Weights.load(block, net, weights);
            if (!loaded.classifierKept().isEmpty()) {
                throw new UsageException(weights + ": its classifier is for another class count than " + classes
                        + " (" + loaded.classifierKept().get(0) + "); give that count with --classes");
            }
            Onnx.export(block, file);
            report(out, file, net, loaded.tensors() + " tensors from " + weights, "");
        }
        return 0;
    }

    private static void report(PrintStream out, Path file, Network net, String weights, String when) {
        FeatureShape in = net.input();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        out.printf(Locale.ROOT, "incept: wrote %s (%.1f MB): %s at %dx%dx%d, %s%s; opset %d, input '%s' [batch, %d, %d, %d], output '%s'%n",
                file, bytes / 1e6, net.name(), in.channels(), in.height(), in.width(), weights, when.isEmpty() ? "" : " " + when,
                Onnx.OPSET, Onnx.INPUT, in.channels(), in.height(), in.width(), Onnx.OUTPUT);
    }
}
