package dev.incept.compile;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Running sibling 1x1 convolutions as one changes nothing a user can observe: outputs, gradients, parameters. */
class SiblingConvsTest {
    /** Three 1x1-led branches with batch norm (one nested two deep), a pool branch, then a bias-carrying block. */
    private static Network network() {
        return Network.builder("siblings").input(3, 9, 9)
                .add(concat("mixed",
                        conv(4, 1),
                        seq(conv(3, 1), conv(5, 3)),
                        seq(seq(conv(2, 1), conv(2, 1, 3)), conv(3, 3, 1)),
                        seq(avgPool(3, 1).same(), conv(2, 1))))
                .add(concat("plain",
                        conv(3, 1).noBatchNorm(),
                        seq(conv(2, 1).noBatchNorm(), conv(4, 3).noBatchNorm()),
                        conv(5, 3).noBatchNorm()))
                .add(globalAvgPool(), dense(6))
                .build();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(EngineChoice.class)
    void fusedCompileGivesTheSameOutputsGradientsAndParametersAsConvolutionByConvolution(EngineChoice choice) throws Exception {
        Engine engine = Engines.load(choice);
        try (NDManager manager = engine.newBaseManager()) {
            Shape input = new Shape(4, 3, 9, 9);
            NetworkBlock separate = Compiler.compile(network(), false);
            NetworkBlock fused = Compiler.compile(network(), true);
            for (NetworkBlock b : new NetworkBlock[] {separate, fused}) {
                b.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
                b.initialize(manager, DataType.FLOAT32, input);
            }
            assertEquals(separate.getParameters().keys(), fused.getParameters().keys(), "the same parameter names");
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            separate.saveParameters(new DataOutputStream(saved));
            fused.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));

            NDArray x = manager.randomNormal(input);
            NDArray probe = manager.randomNormal(new Shape(4, 6));
            Map<String, float[]> a = step(engine, manager, separate, x, probe);
            Map<String, float[]> b = step(engine, manager, fused, x, probe);
            assertEquals(a.keySet(), b.keySet());
            int compared = 0;
            for (String name : a.keySet()) {
                float[] u = a.get(name);
                float[] v = b.get(name);
                assertEquals(u.length, v.length, name);
                for (int i = 0; i < u.length; i++) {
                    assertEquals(u[i], v[i], 1e-4 * Math.max(1, Math.abs(u[i])), name + "[" + i + "]");
                }
                compared++;
            }
            assertTrue(compared > 20, "logits and every parameter's gradient compared, " + compared);
        }
    }

    /** One training-mode forward and backward: the logits and each parameter's gradient. */
    private static Map<String, float[]> step(Engine engine, NDManager manager, NetworkBlock block, NDArray x, NDArray probe) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
        ParameterStore ps = new ParameterStore(manager, false);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDList y = block.forward(ps, new NDList(x), true);
            out.put("logits", y.head().toFloatArray());
            gc.backward(y.head().mul(probe).sum());
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
            }
        }
        return out;
    }
}
