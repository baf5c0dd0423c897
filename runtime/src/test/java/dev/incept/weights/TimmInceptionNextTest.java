package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The zoo's inception-next-* against a plain PyTorch InceptionNeXt with timm's module names
 * (runtime/src/test/fixtures/timm_inception_next.py, Debian's python3-torch): the same parameter counts for all three
 * sizes, and a state dict it wrote loads by timm's names and gives its logits.
 */
class TimmInceptionNextTest {

    @Test
    void tinySmallAndBaseCountExactlyWhatTheTimmDefinitionCounts() throws Exception {
        List<String> lines = run("count");
        assertEquals(3, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            Zoo.Model m = Zoo.get("inception-next-" + parts[0]);
            long ours = Analyzer.analyze(m.build(m.defaults()), Convention.PYTORCH, false).params();
            assertEquals(Long.parseLong(parts[1]), ours, m.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"MXNET", "PYTORCH"})
    void aStateDictWithTimmsNamesLoadsAndGivesItsLogits(EngineChoice engine, @TempDir Path dir) throws Exception {
        run("export", "tiny", "10", "64", dir.toString());
        Zoo.Model model = Zoo.get("inception-next-tiny");
        Network net = model.build(model.defaults().withClasses(10).withInput(3, 64));
        Shape shape = new Shape(2, 3, 64, 64);
        try (NDManager m = Engines.load(engine).newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            block.initialize(m, DataType.FLOAT64, shape);
            Weights.LoadReport loaded = Weights.load(block, net, dir.resolve("weights.pth"));
            assertTrue(loaded.classifierKept().isEmpty());
            float[] x = TorchvisionReference.floats(dir.resolve("x.bin"));
            double[] ours = block.forward(new ParameterStore(m, false), new NDList(m.create(x, shape).toType(DataType.FLOAT64, false)), false)
                    .head().toDoubleArray();
            double[] theirs = TorchvisionReference.doubles(dir.resolve("y.bin"));
            assertEquals(theirs.length, ours.length);
            double worst = 0;
            double largest = 0;
            for (int i = 0; i < ours.length; i++) {
                worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
                largest = Math.max(largest, Math.abs(theirs[i]));
            }
            assertTrue(largest > 0.1 && worst <= 1e-6 * Math.max(1, largest), "logits " + worst + " away from PyTorch's (largest " + largest + ")");
        }
    }

    private static List<String> run(String... args) throws IOException, InterruptedException {
        TorchvisionReference.assumeTorch();
        List<String> cmd = new ArrayList<>(List.of(script().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "timm-inception-next failed: " + out);
        return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
    }

    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("runtime/src/test/fixtures/timm_inception_next.py");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("runtime/src/test/fixtures/timm_inception_next.py not found above " + Path.of("").toAbsolutePath());
    }
}
