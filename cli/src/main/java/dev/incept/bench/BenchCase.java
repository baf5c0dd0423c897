package dev.incept.bench;

import dev.incept.command.UsageException;

import ai.djl.Device;
import ai.djl.basicmodelzoo.cv.classification.GoogLeNet;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.incept.analysis.Analyzer;
import dev.incept.bench.MatMulRate;
import dev.incept.bench.PeakMemory;
import dev.incept.bench.PipelineRate;
import dev.incept.bench.StepTimer;
import dev.incept.compile.CompileOptions;
import dev.incept.compile.Compiler;
import dev.incept.data.FashionMnist;
import dev.incept.data.Images;
import dev.incept.data.Split;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark case in its own process (so each has its own peak memory and loads one engine),
 * printed as one JSON line for {@link BenchCommand} to collect.
 */
public final class BenchCase {
    /** A model case: what is timed, at which input and batch. */
    record Model(String name, String zooName, int channels, int size, int classes, int batch) {
    }

    static final Map<String, Model> MODELS = new LinkedHashMap<>();

    static {
        // d2l-java's set-up: GoogLeNet on Fashion-MNIST resized to 96x96, batch 128.
        MODELS.put("peer-djl-googlenet", new Model("DJL model-zoo GoogLeNet (hand-written blocks)", "googlenet-d2l", 1, 96, 10, 128));
        // The same peer as a plain program runs it: glibc's allocator defaults, not incept's NativeHeap.
        MODELS.put("peer-djl-googlenet-glibc", new Model("DJL model-zoo GoogLeNet, glibc allocator defaults", "googlenet-d2l", 1, 96, 10, 128));
        MODELS.put("googlenet-d2l", new Model("the same GoogLeNet in the DSL, compiled", "googlenet-d2l", 1, 96, 10, 128));
        // The -fused twins run the sibling 1x1 convolutions of each block as one (Compiler's opt-in).
        MODELS.put("googlenet-d2l-fused", new Model("the same, sibling 1x1 convolutions fused", "googlenet-d2l", 1, 96, 10, 128));
        MODELS.put("inception-v3", new Model("Inception-v3 (DSL), 299x299", "inception-v3", 3, 299, 1000, 8));
        MODELS.put("inception-v3-fused", new Model("the same, sibling 1x1 convolutions fused", "inception-v3", 3, 299, 1000, 8));
        // The -nchw twin runs in the plain order on a GPU (PyTorch's CPU always runs channels-last).
        MODELS.put("inception-v3-nchw", new Model("the same, plain NCHW order on the GPU", "inception-v3", 3, 299, 1000, 8));
        MODELS.put("handwritten-v3", new Model("Inception-v3 written by hand in plain DJL blocks", "inception-v3", 3, 299, 1000, 8));
        // The shapes of the comparison with torchvision on the CPU (bench/peers/torchvision_step.py).
        MODELS.put("inception-v3-139", new Model("Inception-v3 (DSL), 139x139", "inception-v3", 3, 139, 1000, 32));
        MODELS.put("googlenet-3x3-96", new Model("GoogLeNet as torchvision builds it (googlenet-3x3), 96x96", "googlenet-3x3", 3, 96, 10, 128));
        MODELS.put("inception-mini", new Model("inception-mini (DSL), Fashion-MNIST 28x28", "inception-mini", 1, 28, 10, 128));
        // Depthwise and band convolutions, where CPU frameworks are slow; each beside a plain torch.nn peer (TorchNetPeer).
        MODELS.put("xception-mini", new Model("xception-mini (DSL), Fashion-MNIST 28x28", "xception-mini", 1, 28, 10, 128));
        MODELS.put("inception-next-mini", new Model("inception-next-mini (DSL), Fashion-MNIST 28x28", "inception-next-mini", 1, 28, 10, 128));
    }

    /** A model case's network at its own input size. */
    static Network network(Model m) {
        return Zoo.get(m.zooName()).build(new ModelConfig(m.classes(), m.channels(), m.size(), false, true));
    }

    private BenchCase() {
    }

    public static int run(java.util.List<String> argv, PrintStream out) {
        if (argv.size() < 2) {
            throw new UsageException("bench-case CASE ENGINE [quick] [device=cpu|gpu] [batch=N] [steps=N] [phases] [cudnn-benchmark] [profile=FILE]"
                    + " [optimizer=sgd|rmsprop] [per-weight] [precision=float32|fp16] [host-batch]");
        }
        String name = argv.get(0);
        boolean quick = argv.contains("quick");
        String deviceName = option(argv, "device", "cpu");
        int batchOverride = count(argv, "batch", 0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("case", name);
        if (name.equals("pipeline")) {
            Images train = FashionMnist.load(Split.TRAIN);
            int limit = quick ? 2_000 : 60_000;
            r.put("engine", "none");
            r.put("images_per_sec_28", PipelineRate.imagesPerSecond(train, 28, 128, limit));
            r.put("images_per_sec_96", PipelineRate.imagesPerSecond(train, 96, 128, quick ? 1_000 : 20_000));
        } else {
            EngineChoice choice = EngineChoice.parse(argv.get(1));
            Engine engine = Engines.load(choice);
            Device device = deviceName.equals("gpu") ? Device.gpu() : Device.cpu();
            if (device.isGpu() && engine.getGpuCount() == 0) {
                throw new UsageException("device=gpu: " + engine.getEngineName() + " sees no GPU");
            }
            r.put("engine", engine.getEngineName());
            r.put("device", device.toString());
            if (argv.contains("cudnn-benchmark")) {
                // cuDNN times its algorithms for each new shape once and keeps the fastest.
                if (EngineChoice.of(engine) != EngineChoice.PYTORCH) {
                    throw new UsageException("cudnn-benchmark: PyTorch only");
                }
                ai.djl.pytorch.jni.JniUtils.setBenchmarkCuDNN(true);
                r.put("cudnn_benchmark", true);
            }
            if (name.equals("update-check")) {
                r.putAll(UpdateCheck.run(engine, device));
            } else if (name.equals("matmul")) {
                int n = quick ? 256 : 2048;
                r.put("gflops", MatMulRate.gflops(engine, device, n, quick ? 2 : 6, quick ? 3 : 10));
                r.put("n", n);
            } else {
                Model m = MODELS.get(name);
                if (m == null) {
                    throw new UsageException("unknown bench case '" + name + "'");
                }
                int size = quick ? Math.min(m.size(), 96) : m.size();
                int batch = batchOverride > 0 ? batchOverride : quick ? Math.min(m.batch(), 4) : m.batch();
                Network net = Zoo.get(m.zooName()).build(new ModelConfig(m.classes(), m.channels(), size, false, true));
                Block block = name.startsWith("peer-") ? GoogLeNet.builder().setOutSize(m.classes()).build()
                        : name.equals("handwritten-v3") ? dev.incept.peers.HandWrittenInceptionV3.build(m.classes())
                        : Compiler.compile(net, CompileOptions.DEFAULTS.withFuseSiblings(name.endsWith("-fused")).withChannelsLastOnGpu(!name.endsWith("-nchw")));
                OptimizerSpec rule = option(argv, "optimizer", "sgd").equals("rmsprop") ? OptimizerSpec.paperRmsProp() : OptimizerSpec.sgd(0.9, 0);
                String precisionName = option(argv, "precision", "float32");
                Precision precision;
                try {
                    precision = Precision.of(precisionName);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                StepTimer.Settings extra = new StepTimer.Settings(argv.contains("phases"), option(argv, "profile", null), rule,
                        argv.contains("per-weight"), precision, argv.contains("host-batch"));
                StepTimer.Timing t = StepTimer.measure(engine, device, block, new Shape(batch, m.channels(), size, size), m.classes(),
                        quick ? 1 : 3, quick ? 2 : count(argv, "steps", 8), extra);
                r.put("model", m.name());
                r.put("optimizer", rule.create().describe());
                r.put("update", argv.contains("per-weight") || EngineChoice.of(engine) != EngineChoice.PYTORCH ? "per-weight" : "fused");
                r.put("precision", precision.label());
                r.put("batch_on", argv.contains("host-batch") ? "host" : "device");
                r.put("batch", batch);
                r.put("input", size);
                r.put("params", t.parameters());
                r.put("macs", Analyzer.analyze(net).macs());
                r.put("ms_per_step", t.medianMs());
                r.put("images_per_sec", t.imagesPerSecond());
                t.phaseMs().forEach((phase, ms) -> r.put("phase_" + phase.replace('-', '_') + "_ms", ms));
            }
        }
        r.put("peak_rss_mb", PeakMemory.megabytes());
        out.println(json(r));
        return 0;
    }

    private static String option(java.util.List<String> argv, String key, String fallback) {
        for (String a : argv) {
            if (a.startsWith(key + "=")) {
                return a.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    /** A whole number >= 1 given as key=N, or the fallback when absent. */
    private static int count(java.util.List<String> argv, String key, int fallback) {
        String v = option(argv, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(key + "= needs a positive integer, got '" + v + "'");
    }

    private static String json(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            sb.append(v instanceof String ? "\"" + v + "\"" : v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v);
        }
        return sb.append('}').toString();
    }
}
