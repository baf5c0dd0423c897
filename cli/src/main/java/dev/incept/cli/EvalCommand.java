package dev.incept.cli;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import dev.incept.data.DataSource;
import dev.incept.run.Placement;
import dev.incept.run.RunFolder;
import dev.incept.run.RunSpec;
import dev.incept.run.DeviceChoice;
import dev.incept.engine.EngineChoice;
import dev.incept.run.TrainOption;
import dev.incept.run.TrainSettings;
import dev.incept.run.Checkpoint;
import dev.incept.metrics.EvalOptions;
import dev.incept.metrics.Evaluation;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * incept eval: the test-set figures of a run's last checkpoint, rebuilt from the run's own
 * options, optionally with left-right mirror test-time augmentation.
 */
final class EvalCommand {
    static final String USAGE = """
            usage: incept eval RUN_DIR [--mirror] [--engine mxnet|pytorch] [--device cpu|gpu] [--test-limit N]
                   incept eval MODEL --weights FILE [--data SPEC] [--input N] [--mirror] [--engine ...] [--test-limit N]
              evaluates the last checkpoint of a run made by 'incept train' on the run's own test set,
              with its moving average of the weights when it kept one; or a zoo model with published
              weights (.pth or .safetensors, torchvision's names) on a data set with the same classes
              --mirror    also with test-time augmentation: each prediction is the mean of the class
                          probabilities of the image and of its left-right mirror (for data trained
                          with random flips, such as Fashion-MNIST and CIFAR-10)""";

    private static final Set<String> FLAGS = Set.of("mirror");
    private static final Set<String> VALUED = Set.of("engine", "device", "test-limit");
    private static final Set<String> WEIGHTS_VALUED = Set.of("weights", "data", "input", "batch", "engine", "device", "test-limit");

    private EvalCommand() {
    }

    static int run(List<String> argv, PrintStream out) {
        if (argv.contains("--weights")) {
            return withWeights(argv, Args.parse(argv, FLAGS, WEIGHTS_VALUED), out);
        }
        Args own = Args.parse(argv, FLAGS, VALUED);
        if (own.positional.size() != 1) {
            throw new UsageException("eval takes one run folder, got " + own.positional);
        }
        Path runDir = Path.of(own.positional.get(0));
        RunSpec spec = RunFolder.saved(runDir);
        // Ours only change where it runs and how much of the test set it reads.
        spec = spec.withPlace(own.get("engine", null) == null ? spec.engine() : (EngineChoice) TrainOption.ENGINE.parse(own.get("engine", null)),
                own.get("device", null) == null ? spec.device() : (DeviceChoice) TrainOption.DEVICE.parse(own.get("device", null)));
        Integer testLimit = own.positiveInt("test-limit");
        if (testLimit != null) {
            spec = spec.withConfig(spec.config().withLimits(spec.config().trainLimit(), testLimit));
        }
        DataSource data = spec.data().open();
        TrainConfig cfg = spec.config();
        Placement place = Placement.of(spec);
        try (Trainer trainer = new Trainer(spec.network(), cfg, place.engine(), place.device())) {
            int epochs = Checkpoint.restore(trainer, runDir.resolve(Checkpoint.FILE_NAME));
            out.printf(Locale.ROOT, "incept: %s (%s) after %d epochs, %s weights, on %d %s test images (%s)%n",
                    spec.network().name(), spec.model(), epochs, cfg.emaDecay() > 0 ? "moving-average" : "live",
                    Math.min(cfg.testLimit(), data.test().count()), data.name(), place.engine().getEngineName());
            print(out, "single view", trainer.evaluate(data.train(), data.test(), EvalOptions.SINGLE_VIEW));
            if (own.flag("mirror")) {
                print(out, "with mirror", trainer.evaluate(data.train(), data.test(), EvalOptions.MIRRORED));
            }
        }
        return 0;
    }

    /** A zoo model with a weights file, on a data set's test split, normalised as training would. */
    private static int withWeights(List<String> argv, Args a, PrintStream out) {
        if (a.positional.size() != 1) {
            throw new UsageException("eval --weights takes one zoo model, got " + a.positional);
        }
        Path weights = Path.of(a.get("weights", null));
        TrainSettings settings = TrainWords.parse(argv.stream().filter(w -> !w.equals("--mirror")).toList()).with(TrainOption.WEIGHTS, null);
        DataSource data = settings.dataSpec().open();
        RunSpec spec = settings.spec(data);
        TrainConfig cfg = spec.config();
        Placement place = Placement.of(spec);
        try (Trainer trainer = new Trainer(spec.network(), cfg, place.engine(), place.device())) {
            dev.incept.weights.Weights.LoadReport loaded = trainer.startFrom(weights);
            if (!loaded.classifierKept().isEmpty()) {
                throw new UsageException(weights + ": its classifier is for another class count than " + data.name() + "'s "
                        + data.classes().size() + " (" + loaded.classifierKept().get(0) + "); fine-tune it with 'incept train --weights'");
            }
            out.printf(Locale.ROOT, "incept: %s with %d tensors from %s, on %d %s test images (%s)%n", spec.network().name(), loaded.tensors(), weights,
                    Math.min(cfg.testLimit(), data.test().count()), data.name(), place.engine().getEngineName());
            print(out, "single view", trainer.evaluate(data.train(), data.test(), EvalOptions.SINGLE_VIEW));
            if (a.flag("mirror")) {
                print(out, "with mirror", trainer.evaluate(data.train(), data.test(), EvalOptions.MIRRORED));
            }
        }
        return 0;
    }

    private static void print(PrintStream out, String label, Evaluation e) {
        out.printf(Locale.ROOT, "  %-12s top-1 %.2f%%  top-5 %.2f%%  loss %.4f  ECE %.4f%n",
                label, 100 * e.top1(), 100 * e.top5(), e.loss(), e.ece());
    }
}
