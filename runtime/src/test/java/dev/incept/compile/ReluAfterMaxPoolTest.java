package dev.incept.compile;

import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiler applies a ReLU after the strided max pool that follows it, which a user sees in
 * nothing but speed: the same outputs and gradients as the description's order.
 */
class ReluAfterMaxPoolTest {
    /** A stem (conv, then a padded stride-2 pool), a block whose branches all end in ReLU, then a ceil-mode pool. */
    private static List<Layer> layers() {
        return List.of(
                conv(6, 3), maxPool(3, 2).pad(1, 1),
                concat(conv(3, 1).noBatchNorm(),
                        seq(conv(2, 1), conv(4, 3)),
                        seq(maxPool(3, 1).same(), conv(2, 1))),
                maxPool(3, 2).ceilMode(true));
    }

    /** Inside one block the compiler may move each ReLU; as top-level stages it must not. */
    private static Network network(boolean asOneBlock) {
        Network.Builder b = Network.builder("relu-pool").input(2, 15, 15);
        if (asOneBlock) {
            b.block("body", layers().toArray(Layer[]::new));
        } else {
            b.add(layers().toArray(Layer[]::new));
        }
        return b.add(globalAvgPool(), dense(5)).build();
    }

    @Test
    void theReluMovesPastAStridedMaxPoolOnlyInsideABlock() {
        List<String> moved = labels(Compiler.compile(network(true)));
        assertEquals(2, moved.stream().filter(l -> l.equals("maxpool then relu")).count(), moved.toString());
        assertTrue(labels(Compiler.compile(network(false))).stream().noneMatch(l -> l.endsWith("then relu")));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void movingTheReluKeepsOutputsAndGradients(EngineChoice choice) throws Exception {
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            Shape input = new Shape(4, 2, 15, 15);
            NetworkBlock asWritten = Compiler.compile(network(false));
            NetworkBlock moved = Compiler.compile(network(true));
            for (NetworkBlock b : new NetworkBlock[] {asWritten, moved}) {
                b.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
                b.initialize(manager, DataType.FLOAT32, input);
            }
            // The two nest differently, so parameters are copied in declaration order.
            List<Parameter> from = asWritten.getParameters().values();
            List<Parameter> to = moved.getParameters().values();
            assertEquals(from.size(), to.size());
            for (int i = 0; i < from.size(); i++) {
                to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
            }

            NDArray x = manager.randomNormal(input);
            NDArray probe = manager.randomNormal(new Shape(4, 5));
            List<float[]> a = step(engine, manager, asWritten, x, probe);
            List<float[]> b = step(engine, manager, moved, x, probe);
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                float[] u = a.get(k);
                float[] v = b.get(k);
                assertEquals(u.length, v.length, "array " + k);
                for (int i = 0; i < u.length; i++) {
                    assertEquals(u[i], v[i], 1e-5 * Math.max(1, Math.abs(u[i])), "array " + k + "[" + i + "]");
                }
            }
            assertTrue(a.size() > 10, "logits, input gradient and every parameter's gradient compared");
        }
    }

    /** Logits, the input's gradient, then each parameter's gradient in declaration order. */
    private static List<float[]> step(Engine engine, NDManager manager, NetworkBlock block, NDArray x, NDArray probe) {
        List<float[]> out = new ArrayList<>();
        List<Parameter> params = block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
        params.forEach(p -> p.getArray().setRequiresGradient(true));
        NDArray in = x.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDList y = block.forward(new ParameterStore(manager, false), new NDList(in), true);
            out.add(y.head().toFloatArray());
            gc.backward(y.head().mul(probe).sum());
        }
        out.add(in.getGradient().toFloatArray());
        params.forEach(p -> out.add(p.getArray().getGradient().toFloatArray()));
        return out;
    }

    private static List<String> labels(Block block) {
        List<String> out = new ArrayList<>();
        out.add(block.toString());
        block.getChildren().values().forEach(child -> out.addAll(labels(child)));
        return out;
    }
}
