package dev.incept.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.json.SpecJson;
import dev.incept.run.Run;
import dev.incept.run.RunSpec;
import dev.incept.spec.Network;
import dev.incept.spec.FeatureShape;
import dev.incept.storage.DurableFile;
import dev.incept.storage.FolderLock;
import dev.incept.storage.StorageException;
import dev.incept.train.Checkpoint;
import dev.incept.train.EpochMetrics;
import dev.incept.train.Evaluation;
import dev.incept.train.LearningRate;
import dev.incept.train.MetricsFile;
import dev.incept.train.OptimizerSpec;
import dev.incept.train.Precision;
import dev.incept.train.ProgressBar;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.train.TrainingListener;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** incept train: a zoo model or a description file on a real data set, with the papers' recipe on request. */
final class TrainCommand {
    static final String USAGE = """
            usage: incept train [MODEL | --spec FILE.json] [options]
                   incept train --resume RUN_DIR [options to change, e.g. --epochs]
              MODEL                     a zoo model (default inception-mini)
              --data SET                fashion-mnist[:DIR] (default; Debian's dataset-fashion-mnist),
                                        cifar10:DIR (binary version), folder:DIR (DIR/train/<class>, DIR/test/<class>)
              --input N                 resize images to N x N (default: the data's own size)
              --epochs N                (default 10)          --batch N        (default 128)
              --recipe paper|default    paper (the default): RMSProp(0.9, eps 1.0, momentum 0.9), lr 0.045 x 0.94 every 2 epochs,
                                        label smoothing 0.1, clipping at global norm 2.0, moving average 0.9999;
                                        default: SGD momentum 0.9 at a constant 0.05, none of the rest
              --optimizer rmsprop|sgd|adam   --lr X   --lr-decay F   --lr-every EPOCHS   --warmup EPOCHS
              --momentum M              --weight-decay W
              --label-smoothing E       0 = plain cross-entropy
              --aux                     train with the model's auxiliary head(s)   --no-aux-bn
              --aux-weight W            override every aux head's loss weight (0.3 GoogLeNet, 0.4 v3)
              --clip-norm C             clip gradients by global norm (0 = off)
              --ema D                   evaluate with a moving average of the weights (0 = off)
              --no-augment              no random shifts and flips
              --random-erase P          erase a random patch (2-40% of the image) with probability P (default 0)
              --engine mxnet|pytorch    (default mxnet, or $INCEPT_ENGINE)
              --device cpu|gpu          (default cpu)
              --weights FILE            start from saved weights, .pth (torch.save) or .safetensors: by
                                        torchvision's or timm's names (googlenet-3x3, inception-v3,
                                        inception-v4, inception-resnet-v2, inception-next-*; another
                                        class count keeps the classifier as initialised), or incept's
                                        own names for any network (Trainer.weights())
              --freeze-until BLOCK      train only the top-level blocks after BLOCK (and the aux heads)
              --precision float32|fp16  fp16: forward and backward in 16 bits with float32 weights and dynamic
                                        loss scaling, as torch.autocast with GradScaler; PyTorch only (default float32)
              --out DIR                 run folder: checkpoint, metrics.csv, curves.png (default runs/MODEL-TIME)
              --metrics csv|jsonl       per-epoch metrics as CSV (default) or JSON lines (with reliability bins)
              --resume DIR              continue the run in DIR from its last checkpoint
              --train-limit N --test-limit N   use only the first N images (quick runs)
              --seed N""";

    static final Set<String> FLAGS = Set.of("aux", "no-aux-bn", "no-augment");
    static final Set<String> VALUED = Set.of("spec", "data", "input", "epochs", "batch", "recipe", "optimizer",
            "lr", "lr-decay", "lr-every", "warmup", "momentum", "weight-decay", "label-smoothing", "aux-weight",
            "clip-norm", "ema", "random-erase", "engine", "device", "out", "resume", "train-limit", "test-limit", "seed", "metrics",
            "precision", "weights", "freeze-until");
    static final String ARGS_FILE = "args.txt";

    private TrainCommand() {
    }

    /** What a resume may change: how long and where it runs, and how it writes its metrics. */
    static final Set<String> RESUME_OPTIONS = Set.of("resume", "epochs", "engine", "device", "metrics");

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args a = Args.parse(argv, FLAGS, VALUED);
        if (a.get("resume", null) != null) {
            return resume(a, argv, out);
        }
        String modelName = a.positional.isEmpty() ? "inception-mini" : a.positional.get(0);
        if (a.positional.size() > 1) {
            throw new UsageException("train takes one model name, got " + a.positional);
        }
        String base = a.get("spec", null) != null ? Path.of(a.get("spec", null)).getFileName().toString().replace(".json", "") : modelName;
        Path runDir = Path.of(a.get("out", "runs/" + base + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        if (Files.exists(runDir.resolve(Checkpoint.FILE_NAME))) {
            throw new UsageException(runDir + " already holds a run; use --resume " + runDir + " to continue it, or another --out");
        }
        String format = metricsFormat(a, "csv");
        Path weights = a.get("weights", null) == null ? null : Path.of(a.get("weights", null));
        // Everything is checked before the folder is touched: a refused run leaves nothing behind.
        return start(runDir, RunSetup.of(a), false, format, out, weights);
    }

    private static int resume(Args a, List<String> argv, PrintStream out) {
        if (a.get("out", null) != null) {
            throw new UsageException("--out cannot move a run: --resume continues it in its own folder");
        }
        Path runDir = Path.of(a.get("resume", null));
        RunSetup.requireCheckpoint(runDir);
        String format = metricsFormat(a, Files.exists(runDir.resolve("metrics.jsonl")) ? "jsonl" : "csv");
        if (!Files.exists(runDir.resolve(RunSpec.FILE_NAME))) {
            // A folder from before run.json: its options are re-read from args.txt, and run.json is
            // written once the checkpoint has accepted them.
            return start(runDir, RunSetup.of(Args.parse(resumedArgs(runDir, argv), FLAGS, VALUED)), true, format, out, null);
        }
        for (String key : a.given()) {
            if (!RESUME_OPTIONS.contains(key)) {
                throw new UsageException("--" + key + " cannot change on --resume: the run keeps what its run.json says; "
                        + "a resume may change --epochs, --engine, --device and --metrics");
            }
        }
        if (!a.positional.isEmpty()) {
            throw new UsageException("--resume continues the run's own network; " + a.positional + " cannot replace it");
        }
        RunSpec spec = Run.open(runDir).spec();
        Integer epochs = a.positiveInt("epochs");
        if (epochs != null) {
            spec = spec.withConfig(spec.config().withEpochs(epochs));
        }
        spec = spec.withPlace(a.get("engine", spec.engine()), a.get("device", spec.device()));
        return start(runDir, RunSetup.of(spec), true, format, out, null);
    }

    private static String metricsFormat(Args a, String fallback) {
        String format = a.get("metrics", fallback);
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new UsageException("--metrics must be csv or jsonl, got '" + format + "'");
        }
        return format;
    }

    /** {@code weights}: a file to start from (a new run only), or null. */
    private static int start(Path runDir, RunSetup setup, boolean resume, String format, PrintStream out, Path weights) {
        boolean existed = Files.exists(runDir);
        createFolder(runDir);
        Path checkpoint = runDir.resolve(Checkpoint.FILE_NAME);
        try (FolderLock lock = FolderLock.acquire(runDir)) {
            DurableFile.removeStale(runDir);
            train(setup, runDir, resume, format, out, weights);
        } catch (RuntimeException e) {
            if (!existed && !Files.exists(checkpoint)) {
                deleteRunFolder(runDir);
            }
            throw e;
        }
        return 0;
    }

    private static void train(RunSetup setup, Path runDir, boolean resume, String format, PrintStream out, Path weights) {
        DataSource data = setup.data();
        Network net = setup.net();
        TrainConfig cfg = setup.cfg();
        Engine engine = setup.engine();
        Device device = setup.device();
        Path checkpoint = runDir.resolve(Checkpoint.FILE_NAME);
        if (!resume) {
            Run.create(runDir, setup.spec());
        }
        FeatureShape in = net.input();
        out.printf(Locale.ROOT, "incept: training %s (%s) on %s: %d train / %d test images at %dx%dx%d, %s on %s (%s)%n",
                net.name(), setup.modelName(), data.name(), Math.min(cfg.trainLimit(), data.train().count()),
                Math.min(cfg.testLimit(), data.test().count()), in.height(), in.width(), in.channels(),
                engine.getEngineName(), device, cfg.optimizer().kind().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "incept: lr %s, label smoothing %s, clip %s, moving average %s%s, run folder %s%n",
                cfg.learningRate().describe(), cfg.labelSmoothing(), cfg.clipNorm() == 0 ? "off" : cfg.clipNorm(),
                cfg.emaDecay() == 0 ? "off" : cfg.emaDecay(),
                cfg.precision().reduced() ? ", " + cfg.precision().label() + " with loss scaling" : "", runDir);
        long t0 = System.nanoTime();
        try (Trainer trainer = new Trainer(net, cfg, engine, device)) {
            if (weights != null) {
                dev.incept.weights.Weights.Loaded loaded = trainer.startFrom(weights);
                out.printf(Locale.ROOT, "incept: started from %s: %d tensors%s%s%n", weights, loaded.tensors(),
                        loaded.classifierKept().isEmpty() ? "" : "; the classifier (" + String.join(", ", loaded.classifierKept())
                                + ") is for another class count and starts as initialised",
                        loaded.auxSkipped().isEmpty() ? "" : "; the file's " + loaded.auxSkipped().size()
                                + " aux-head tensors are left out (train with --aux to use them)");
            }
            if (cfg.freezeUntil() != null) {
                out.printf(Locale.ROOT, "incept: the blocks up to %s do not train%n", cfg.freezeUntil());
            }
            if (resume) {
                // The changed options are stored only once the checkpoint has accepted them.
                trainer.listen(new TrainingListener() {
                    @Override
                    public void onResume(Path file, int epochsDone, List<EpochMetrics> earlier) {
                        Run.create(runDir, setup.spec());
                    }
                });
            }
            trainer.listen(ProgressBar.forTerminal(out)).listen(new MetricsFile(runDir.resolve("metrics." + format)));
            // The GPU bundle's minimal JRE has no java.desktop (AWT), which rendering needs.
            if (ModuleLayer.boot().findModule("java.desktop").isPresent()) {
                trainer.listen(new dev.incept.plot.CurvesFile(runDir.resolve("curves.png"), net.name() + " on " + data.name()));
            } else {
                out.println("incept: this Java runtime has no java.desktop module; curves.png is skipped (metrics.csv has the figures)");
            }
            List<EpochMetrics> h = resume ? trainer.resume(data.train(), data.test(), checkpoint)
                    : trainer.fit(data.train(), data.test(), checkpoint);
            Evaluation last = h.get(h.size() - 1).test();
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "incept: test accuracy %.2f%% (top-5 %.2f%%, ECE %.4f) after %d epochs; wall time %s; run folder %s%n",
                    100 * last.top1(), 100 * last.top5(), last.ece(), h.size(), ProgressBar.clock(secs), runDir);
        }
    }

    private static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StorageException("cannot use " + dir + " as the run folder: a file of that name is in the way", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new StorageException("cannot create the run folder " + dir + ": permission denied on " + e.getFile(), e);
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("cannot create the run folder " + dir + ": " + e.getFile() + " is a file", e);
        } catch (IOException e) {
            throw new StorageException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes a folder this command created and that holds no checkpoint: only incept's own files are in it. */
    private static void deleteRunFolder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // the error that stopped the run is what the user needs to read; an empty folder may remain
        }
    }

    static List<String> resumedArgs(Path runDir, List<String> overrides) {
        Path file = runDir.resolve(ARGS_FILE);
        RunSetup.requireCheckpoint(runDir);
        List<String> saved;
        try {
            saved = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " (the run's options): " + e.getMessage());
        }
        List<String> merged = new ArrayList<>();
        // Args refuses an option given twice: a saved option the command line overrides is left out.
        java.util.Set<String> overridden = new java.util.HashSet<>();
        for (String o : overrides) {
            if (o.startsWith("--")) {
                overridden.add(optionName(o));
            }
        }
        for (int i = 0; i < saved.size(); i++) {
            String s = saved.get(i);
            if (s.startsWith("--") && overridden.contains(optionName(s))) {
                if (!s.contains("=") && VALUED.contains(optionName(s))) {
                    i++;
                }
                continue;
            }
            if (!s.isEmpty()) {
                merged.add(s);
            }
        }
        for (int i = 0; i < overrides.size(); i++) {
            if (overrides.get(i).equals("--resume")) {
                i++;
                continue;
            }
            if (overrides.get(i).startsWith("--resume=")) {
                continue;
            }
            merged.add(overrides.get(i));
        }
        return merged;
    }

    private static String optionName(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    }

    static Network network(Args a, String modelName, DataSource data, Integer input) {
        int channels = data.train().channels();
        int size = input != null ? input : data.train().height();
        String spec = a.get("spec", null);
        if (spec != null) {
            if (!a.positional.isEmpty()) {
                throw new UsageException("give a model name or --spec, not both");
            }
            Network net = SpecJson.read(Path.of(spec));
            if (a.flag("aux") && net.auxHeads().isEmpty()) {
                throw new UsageException("--aux: " + spec + " describes no auxiliary head");
            }
            return net.withInput(FeatureShape.of(channels, input != null ? input : data.train().height(),
                    input != null ? input : data.train().width()));
        }
        Zoo.Model model = Zoo.find(modelName).orElseThrow(() -> new UsageException(
                "unknown model '" + modelName + "'; try 'incept models'"));
        Network net = model.build(new ModelConfig(data.train().classes(), channels, size, a.flag("aux"), !a.flag("no-aux-bn")));
        if (a.flag("aux") && net.auxHeads().isEmpty()) {
            throw new UsageException("--aux: " + modelName + " has no auxiliary head");
        }
        return net;
    }

    static TrainConfig config(Args a, DataSource data) {
        String recipe = a.get("recipe", "paper");
        TrainConfig cfg = switch (recipe) {
            case "paper" -> TrainConfig.paper().withBatchSize(128).withEpochs(10);
            case "default" -> TrainConfig.defaults();
            default -> throw new UsageException("--recipe must be paper or default, got '" + recipe + "'");
        };
        cfg = cfg.withAugment(a.flag("no-augment") ? dev.incept.data.Augment.NONE : data.augment());
        Double erase = a.number("random-erase");
        if (erase != null) {
            if (erase > 1) {
                throw new UsageException("--random-erase is a probability in [0, 1], got " + erase);
            }
            cfg = cfg.withAugment(cfg.augment().withErase(erase));
        }
        Integer epochs = a.positiveInt("epochs");
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        Integer batch = a.positiveInt("batch");
        if (batch != null) {
            cfg = cfg.withBatchSize(batch);
        }
        OptimizerSpec opt = cfg.optimizer();
        if (a.get("optimizer", null) != null) {
            OptimizerSpec.Kind k = kindOf(a.get("optimizer", null));
            opt = switch (k) {
                case RMSPROP -> OptimizerSpec.paperRmsProp().withWeightDecay(opt.weightDecay());
                case SGD -> OptimizerSpec.sgd(0.9, opt.weightDecay());
                case ADAM -> OptimizerSpec.adam(opt.weightDecay());
            };
        }
        if (a.number("momentum") != null) {
            opt = opt.withMomentum(a.number("momentum"));
        }
        if (a.number("weight-decay") != null) {
            opt = opt.withWeightDecay(a.number("weight-decay"));
        }
        cfg = cfg.withOptimizer(opt);
        LearningRate lr = cfg.learningRate();
        if (a.number("lr") != null || a.number("lr-decay") != null || a.number("lr-every") != null || a.number("warmup") != null) {
            lr = new LearningRate(or(a.number("lr"), lr.base()), or(a.number("lr-decay"), lr.factor()),
                    or(a.number("lr-every"), lr.everyEpochs()), or(a.number("warmup"), lr.warmupEpochs()));
        }
        cfg = cfg.withLearningRate(lr);
        if (a.number("label-smoothing") != null) {
            cfg = cfg.withLabelSmoothing(a.number("label-smoothing"));
        }
        if (a.number("aux-weight") != null) {
            cfg = cfg.withAuxWeight(a.number("aux-weight"));
        }
        if (a.number("clip-norm") != null) {
            cfg = cfg.withClipNorm(a.number("clip-norm"));
        }
        if (a.number("ema") != null) {
            cfg = cfg.withEmaDecay(a.number("ema"));
        }
        if (a.get("freeze-until", null) != null) {
            cfg = cfg.withFreezeUntil(a.get("freeze-until", null));
        }
        if (a.get("precision", null) != null) {
            try {
                cfg = cfg.withPrecision(Precision.of(a.get("precision", null)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + e.getMessage());
            }
        }
        Integer seed = a.positiveInt("seed");
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        Integer trainLimit = a.positiveInt("train-limit");
        Integer testLimit = a.positiveInt("test-limit");
        return cfg.withLimits(trainLimit == null ? Integer.MAX_VALUE : trainLimit, testLimit == null ? Integer.MAX_VALUE : testLimit);
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    private static OptimizerSpec.Kind kindOf(String s) {
        try {
            return OptimizerSpec.kind(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static EngineChoice engineOf(String s) {
        try {
            return EngineChoice.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Device deviceOf(String s, Engine engine) {
        switch (s) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (engine.getGpuCount() == 0) {
                    throw new UsageException("--device gpu: the " + engine.getEngineName()
                            + " engine sees no GPU here; use --engine pytorch with a CUDA libtorch (PYTORCH_LIBRARY_PATH)");
                }
                return Device.gpu();
            default:
                throw new UsageException("--device must be cpu or gpu, got '" + s + "'");
        }
    }
}
