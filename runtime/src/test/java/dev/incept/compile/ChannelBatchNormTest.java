package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelBatchNormTest {

    /** What one block computes in a training step, and what it saves afterwards. */
    private record Outcome(float[] output, float[] inputGradient, byte[] saved) {
    }

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void computesAndSavesExactlyWhatDjlsBatchNormDoes(EngineChoice choice) throws Exception {
        Engine engine = Engines.load(choice);
        Block djl = BatchNorm.builder().optEpsilon(Compiler.BN_EPSILON).optMomentum(Compiler.BN_MOMENTUM).build();
        Block ours = new ChannelBatchNorm(Compiler.BN_EPSILON, Compiler.BN_MOMENTUM);
        Outcome expected = trainingStep(engine, djl, null);
        Outcome actual = trainingStep(engine, ours, null);
        assertArrayEquals(expected.output(), actual.output());
        assertArrayEquals(expected.inputGradient(), actual.inputGradient());
        assertArrayEquals(expected.saved(), actual.saved(), "saved bytes (checkpoint format)");
        // Each reads the other's saved parameters: the same step again from them gives the same bytes.
        Outcome djlFromOurs = trainingStep(engine, BatchNorm.builder().optEpsilon(Compiler.BN_EPSILON)
                .optMomentum(Compiler.BN_MOMENTUM).build(), actual.saved());
        Outcome oursFromDjl = trainingStep(engine, new ChannelBatchNorm(Compiler.BN_EPSILON, Compiler.BN_MOMENTUM), expected.saved());
        assertArrayEquals(djlFromOurs.saved(), oursFromDjl.saved());
        assertArrayEquals(djlFromOurs.output(), oursFromDjl.output());
    }

    private static Outcome trainingStep(Engine engine, Block block, byte[] load) throws IOException, ai.djl.MalformedModelException {
        try (NDManager m = engine.newBaseManager()) {
            Shape shape = new Shape(3, 5, 4, 6);
            block.initialize(m, DataType.FLOAT32, shape);
            if (load != null) {
                block.loadParameters(m, new DataInputStream(new ByteArrayInputStream(load)));
            } else {
                // Parameters other than the defaults, so that a mix-up of gamma and beta would show.
                block.getParameters().get("gamma").getArray().set(m.arange(1f, 6f).mul(0.5f).toFloatArray());
                block.getParameters().get("beta").getArray().set(m.arange(-2f, 3f).mul(0.25f).toFloatArray());
            }
            float[] values = new float[(int) shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) Math.sin(i * 0.37) * (1 + i % 7);
            }
            NDArray x = m.create(values, shape);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector c = engine.newGradientCollector()) {
                y = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                c.backward(y.mul(m.arange((float) shape.size()).reshape(shape).mul(0.01f)).sum());
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(saved));
            return new Outcome(y.toFloatArray(), x.getGradient().toFloatArray(), saved.toByteArray());
        }
    }
}
