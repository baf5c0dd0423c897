package dev.incept.compile;

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
import java.util.ArrayList;
import java.util.List;

/** Checks that two ways of running a network (a compiler choice on and off) compute the same thing. */
final class SameMaths {
    private SameMaths() {
    }

    /** Initializes both blocks, then gives {@code to} the parameter values of {@code from}, in declaration order. */
    static void initializeAlike(NDManager manager, Shape input, Block from, Block to) {
        for (Block b : new Block[] {from, to}) {
            b.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            b.initialize(manager, DataType.FLOAT32, input);
        }
        List<Parameter> a = from.getParameters().values();
        List<Parameter> b = to.getParameters().values();
        assertEquals(a.size(), b.size(), "parameter count");
        for (int i = 0; i < a.size(); i++) {
            b.get(i).getArray().set(a.get(i).getArray().toFloatArray());
        }
    }

    /**
     * One training step's main output and gradients (the input's, then each trained parameter's),
     * every untrained parameter after it (batch norms' running statistics), then the inference
     * output, which reads them.
     */
    static List<float[]> trainingStep(Engine engine, NDManager manager, Block block, NDArray x, NDArray probe) {
        List<float[]> out = new ArrayList<>();
        List<Parameter> all = block.getParameters().values();
        List<Parameter> trained = all.stream().filter(Parameter::requiresGradient).toList();
        trained.forEach(p -> p.getArray().setRequiresGradient(true));
        NDArray in = x.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDList y = block.forward(new ParameterStore(manager, false), new NDList(in), true);
            out.add(y.head().toFloatArray());
            gc.backward(y.head().mul(probe).sum());
        }
        out.add(in.getGradient().toFloatArray());
        trained.forEach(p -> out.add(p.getArray().getGradient().toFloatArray()));
        all.stream().filter(p -> !p.requiresGradient()).forEach(p -> out.add(p.getArray().toFloatArray()));
        out.add(block.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray());
        return out;
    }

    /**
     * One {@link #trainingStep} of each block on the same input and probe, asserted close within
     * {@code relative}; returns the arrays compared.
     */
    static List<float[]> assertSameTrainingStep(Engine engine, NDManager manager, NDArray x, NDArray probe,
            Block expected, Block actual, double relative) {
        List<float[]> a = trainingStep(engine, manager, expected, x, probe);
        assertClose(a, trainingStep(engine, manager, actual, x, probe), relative);
        return a;
    }

    /** Equal array for array, element for element, within {@code relative} (absolute below 1). */
    static void assertClose(List<float[]> expected, List<float[]> actual, double relative) {
        assertEquals(expected.size(), actual.size(), "arrays");
        for (int k = 0; k < expected.size(); k++) {
            float[] u = expected.get(k);
            float[] v = actual.get(k);
            assertEquals(u.length, v.length, "array " + k);
            for (int i = 0; i < u.length; i++) {
                // assertEquals takes NaN for equal to NaN; two runs reading the same junk must not pass
                assertTrue(Float.isFinite(u[i]) && Float.isFinite(v[i]), "array " + k + "[" + i + "] not finite: " + u[i] + ", " + v[i]);
                assertEquals(u[i], v[i], relative * Math.max(1, Math.abs(u[i])), "array " + k + "[" + i + "]");
            }
        }
    }
}
