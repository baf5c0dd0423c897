package dev.incept.bench;

import dev.incept.command.Args;
import dev.incept.command.UsageException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incept.storage.DurableFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * incept bench: runs every case in a fresh JVM (one engine loaded, its own peak memory), then
 * prints one table with the ratios that matter and writes it, with the machine and the command,
 * under bench/.
 */
public final class BenchCommand {
    public static final String USAGE = """
            usage: incept bench [--engines mxnet,pytorch] [--cases LIST] [--device cpu|gpu] [--batch N] [--repeat N]
                                [--optimizer sgd|rmsprop] [--quick] [--out FILE.md]
              cases: matmul, pipeline, peer-djl-googlenet, peer-djl-googlenet-glibc, googlenet-d2l, googlenet-d2l-fused, handwritten-v3,
                     inception-v3, inception-v3-fused, inception-mini (default: all these);
                     against torchvision (Debian's python3-torchvision, scripts/setup/torch-peer): inception-v3,
                     peer-torchvision-v3 (-cl: channels-last), inception-v3-139, peer-torchvision-v3-139, googlenet-3x3-96,
                     peer-torchvision-googlenet;
                     against torch.nn modules built from the same description (Debian's python3-torch): xception-mini,
                     peer-torch-xception-mini, inception-next-mini, peer-torch-inception-next-mini
              --optimizer  the update rule of every training step, on both sides (default: SGD, momentum 0.9;
                           rmsprop: the paper's, and torch's RMSprop with the same settings)
              --device  gpu times the cases on the first GPU (PyTorch engine; the default engine list becomes pytorch)
              --batch   one batch size for every model case instead of each case's own
              --repeat  run every case N times, interleaved; report the median and the lowest and highest
              --quick   tiny sizes, to check the harness (figures meaningless)
              Each case runs in its own JVM after warm-up steps; MXNet's queued work is waited for
              before every timestamp. Results go to bench/reports/cpu-DATE.md or bench/reports/gpu-DATE.md (or --out).""";

    private static final List<String> ALL = List.of("matmul", "pipeline", "peer-djl-googlenet", "peer-djl-googlenet-glibc", "googlenet-d2l",
            "googlenet-d2l-fused", "handwritten-v3", "inception-v3", "inception-v3-fused", "inception-mini");
    private static final List<String> MORE = List.of("inception-v3-139", "googlenet-3x3-96", "peer-torchvision-v3", "peer-torchvision-v3-cl",
            "peer-torchvision-v3-139", "peer-torchvision-googlenet", "xception-mini", "peer-torch-xception-mini", "inception-next-mini",
            "peer-torch-inception-next-mini");

    private BenchCommand() {
    }

    /** Runs the cases; each model case in its own JVM through {@code entry}'s bench-case command. */
    public static int run(List<String> argv, PrintStream out, PrintStream err, Class<?> entry) {
        Args a = Args.parse(argv, Set.of("quick"), Set.of("engines", "cases", "out", "device", "batch", "repeat", "optimizer"));
        String device = a.get("device", "cpu");
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new UsageException("--device must be cpu or gpu, got '" + device + "'");
        }
        List<String> engines = List.of(a.get("engines", device.equals("gpu") ? "pytorch" : "mxnet,pytorch").split(","));
        List<String> extra = new ArrayList<>(List.of("device=" + device));
        Integer batch = a.positiveInt("batch");
        if (batch != null) {
            extra.add("batch=" + batch);
        }
        String optimizer = a.get("optimizer", "sgd");
        if (!optimizer.equals("sgd") && !optimizer.equals("rmsprop")) {
            throw new UsageException("--optimizer must be sgd or rmsprop, got '" + optimizer + "'");
        }
        extra.add("optimizer=" + optimizer);
        List<String> cases = List.of(a.get("cases", String.join(",", ALL)).split(","));
        for (String c : cases) {
            if (!ALL.contains(c) && !MORE.contains(c)) {
                throw new UsageException("unknown bench case '" + c + "'; cases are " + ALL + " and " + MORE);
            }
        }
        boolean quick = a.flag("quick");
        Integer repeatOption = a.positiveInt("repeat");
        int repeat = repeatOption == null ? 1 : repeatOption;
        List<JsonNode> runs = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            for (String c : cases) {
                for (String e : c.equals("pipeline") ? List.of("none") : TorchvisionPeer.is(c) ? List.of("torchvision") : TorchNetPeer.is(c) ? List.of("torch") : engines) {
                    err.println("bench: " + c + (e.equals("none") ? "" : " on " + e) + (repeat > 1 ? " (run " + r + "/" + repeat + ")" : "") + " ...");
                    runs.add(child(entry, c, e, quick, extra));
                }
            }
        }
        List<JsonNode> results = BenchRepeats.combine(runs);
        String report = BenchReport.render(results, machine(), "./incept bench " + String.join(" ", argv));
        out.print(report);
        Path file = Path.of(a.get("out", "bench/reports/" + device + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md"));
        DurableFile.write(file, report.getBytes(StandardCharsets.UTF_8));
        err.println("bench: written to " + file);
        return 0;
    }

    private static JsonNode child(Class<?> entry, String name, String engine, boolean quick, List<String> extra) {
        if (TorchvisionPeer.is(name)) {
            return TorchvisionPeer.run(name, quick, extra);
        }
        if (TorchNetPeer.is(name)) {
            return TorchNetPeer.run(name, quick, extra);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(entry.getName());
        cmd.add("bench-case");
        cmd.add(name);
        cmd.add(engine);
        if (quick) {
            cmd.add("quick");
        }
        cmd.addAll(extra);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (name.endsWith("-glibc")) {
                pb.environment().put("INCEPT_NATIVE_HEAP", "default");
            }
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            String last = output.strip().lines().reduce((x, y) -> y).orElse("");
            if (code != 0 || !last.startsWith("{")) {
                throw new IllegalStateException("bench case " + name + " on " + engine + " failed (exit " + code + "): " + output.strip());
            }
            return new ObjectMapper().readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bench case " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        long memGb = Runtime.getRuntime().maxMemory();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memGb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            memGb = -1;
        }
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s, %s", cpu, Runtime.getRuntime().availableProcessors(),
                memGb, System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }
}
