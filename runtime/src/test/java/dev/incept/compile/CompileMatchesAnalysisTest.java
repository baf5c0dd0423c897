package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For every zoo model on both engines, DJL's own shapes and parameter counts equal the DSL analysis. */
class CompileMatchesAnalysisTest {

    static Stream<Arguments> smallInputs() {
        List<Arguments> cases = new ArrayList<>();
        for (EngineChoice engine : EngineChoice.values()) {
            for (Zoo.Model m : Zoo.models()) {
                cases.add(Arguments.of(engine, m.name()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} at 75x75 on {0}")
    @MethodSource("smallInputs")
    void compiledZooModelAtSmallInputHasTheAnalysedOutputsAndParameters(EngineChoice engine, String model) {
        Network net = Zoo.get(model).build(new ModelConfig(10, 3, 75, true, true));
        check(engine, net, 2);
    }

    @ParameterizedTest(name = "{1} at its default input on {0}")
    @MethodSource("smallInputs")
    void compiledZooModelAtDefaultInputHasTheAnalysedOutputsAndParameters(EngineChoice engine, String model) {
        Zoo.Model m = Zoo.get(model);
        check(engine, m.build(m.defaults().withAux(true)), 2);
    }

    @ParameterizedTest(name = "googlenet-3x3 at {1}x{1} on {0}")
    @org.junit.jupiter.params.provider.CsvSource({"MXNET, 15", "PYTORCH, 15", "MXNET, 30", "PYTORCH, 30"})
    void googlenetAsTorchvisionBuildsItRunsOnInputsOf15To30Pixels(EngineChoice engine, int size) {
        // Its ceil-mode pools overhang such grids and its aux heads pool adaptively, as torchvision's.
        check(engine, Zoo.get("googlenet-3x3").build(new ModelConfig(10, 3, size, true, true)), 2);
    }

    private static void check(EngineChoice choice, Network net, int batch) {
        Analysis a = Analyzer.analyze(net, Convention.PYTORCH, true);
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            NetworkBlock block = Compiler.compile(net);
            dev.incept.spec.FeatureShape in = net.input();
            Shape input = new Shape(batch, in.channels(), in.height(), in.width());
            block.initialize(manager, DataType.FLOAT32, input);
            assertEquals(a.trainableParams(), ParameterCount.trainable(block), "trainable parameters");

            ParameterStore ps = new ParameterStore(manager, false);
            NDList x = new NDList(manager.randomNormal(input));
            NDList inference = block.forward(ps, x, false);
            assertEquals(1, inference.size(), "inference returns the main logits only");
            assertEquals(new Shape(batch, a.output().channels()), inference.head().getShape());
            assertEquals(inference.head().getShape(), block.getOutputShapes(new Shape[] {input})[0]);

            NDList training;
            try (GradientCollector collector = engine.newGradientCollector()) {
                training = block.forward(ps, x, true);
            }
            assertEquals(1 + net.auxHeads().size(), training.size(), "training adds one output per aux head");
            List<String> auxNames = block.auxNames();
            for (int i = 0; i < auxNames.size(); i++) {
                assertEquals(new Shape(batch, a.auxOutputs().get(auxNames.get(i)).channels()), training.get(i + 1).getShape(),
                        "aux head " + auxNames.get(i));
            }
        }
    }
}
