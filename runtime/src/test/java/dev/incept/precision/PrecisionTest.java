package dev.incept.precision;

import dev.incept.train.TinyNetwork;
import dev.incept.train.TrainingStep;
import dev.incept.train.TrainConfigJson;
import dev.incept.train.TrainConfig;
import dev.incept.train.StepRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.incept.compile.Compiler;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import dev.incept.optim.Sgd;
import dev.incept.precision.LossScale;
import dev.incept.precision.Precision;

class PrecisionTest {
    private static final Shape INPUT = new Shape(8, 1, 16, 16);
    private static final int[] LABELS = {0, 1, 2, 3, 0, 1, 2, 3};

    /** What one step of a freshly seeded tiny network did: its loss, its weights after, and whether they stayed float32. */
    private record Stepped(float loss, float[] weights, boolean allFloat32, float lossScale) {
    }

    private static float[] pixels(double magnitude) {
        float[] p = new float[(int) INPUT.size()];
        Random r = new Random(5);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (magnitude * r.nextGaussian());
        }
        return p;
    }

    private static Stepped oneStep(Engine engine, Precision precision, float[] pixels, boolean keepStart) {
        return oneStep(engine, precision, pixels, keepStart, LossScale.START);
    }

    private static Stepped oneStep(Engine engine, Precision precision, float[] pixels, boolean keepStart, float scale) {
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(11);
            Block block = Compiler.compile(TinyNetwork.build());
            block.initialize(manager, DataType.FLOAT32, INPUT);
            TrainingStep step = new TrainingStep(manager, block, new ParameterStore(manager, false),
                    new StepRules(new Sgd(0.9, 0), List.of(0.3), 0.1, 0, null)).withPrecision(precision).startLossScaleAt(scale);
            float[] before = weights(block);
            float loss = step.run(pixels, INPUT, LABELS, 4, 0.1f, null);
            float[] after = weights(block);
            boolean float32 = true;
            for (Pair<String, Parameter> p : block.getParameters()) {
                float32 &= p.getValue().getArray().getDataType() == DataType.FLOAT32;
            }
            return new Stepped(loss, keepStart ? before : after, float32, step.lossScale());
        }
    }

    private static float[] weights(Block block) {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                float[] v = p.getValue().getArray().toFloatArray();
                parts.add(v);
                n += v.length;
            }
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    private static double cosine(float[] a, float[] b, float[] origin) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - origin[i];
            double y = b[i] - origin[i];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void sixteenBitStepsMoveFloat32WeightsTheWayAFloat32StepDoes() {
        Engine engine = Engines.load(EngineChoice.PYTORCH);
        float[] pixels = pixels(1);
        float[] start = oneStep(engine, Precision.FLOAT32, pixels, true).weights();
        Stepped reference = oneStep(engine, Precision.FLOAT32, pixels, false);
        for (Precision p : List.of(Precision.FP16)) {
            Stepped s = oneStep(engine, p, pixels, false);
            assertTrue(s.allFloat32(), p + ": the weights stayed float32");
            // float16 keeps 11 bits of mantissa: the loss agrees to a few parts in a thousand.
            assertEquals(reference.loss(), s.loss(), 0.02 * reference.loss(), p + " loss");
            double c = cosine(reference.weights(), s.weights(), start);
            assertTrue(c > 0.99, p + ": the update points where float32's does (cosine " + c + ")");
            assertEquals(p == Precision.FP16 ? LossScale.START : 1f, s.lossScale(), 0f);
        }
    }

    @Test
    void aFloat16StepWhoseGradientsOverflowIsSkippedAndHalvesTheScale() {
        Engine engine = Engines.load(EngineChoice.PYTORCH);
        // A scale of 1e30 is a float32 number, but the gradients it multiplies are past float16's 65,504.
        float[] pixels = pixels(1);
        Stepped s = oneStep(engine, Precision.FP16, pixels, false, 1e30f);
        float[] start = oneStep(engine, Precision.FP16, pixels, true, 1e30f).weights();
        assertTrue(Float.isFinite(s.loss()), "the loss itself is finite: " + s.loss());
        assertEquals(0.5e30f, s.lossScale(), 0f);
        assertEquals(0, moved(start, s.weights()), "no weight moved");
    }

    private static int moved(float[] start, float[] after) {
        int moved = 0;
        for (int i = 0; i < start.length; i++) {
            moved += start[i] == after[i] ? 0 : 1;
        }
        return moved;
    }

    @Test
    void theLossScaleHalvesOnOverflowAndDoublesAfter2000CleanStepsInARow() {
        LossScale s = new LossScale(LossScale.START);
        for (int i = 0; i < LossScale.GROWTH_INTERVAL - 1; i++) {
            s.stepped();
        }
        s.overflowed();
        assertEquals(LossScale.START / 2, s.value(), 0f);
        for (int i = 0; i < LossScale.GROWTH_INTERVAL - 1; i++) {
            s.stepped();
        }
        assertEquals(LossScale.START / 2, s.value(), 0f);
        s.stepped();
        assertEquals(LossScale.START, s.value(), 0f);
    }

    @Test
    void aRunRecordKeepsItsPrecisionAndOlderRecordsReadAsFloat32() {
        TrainConfig fp16 = TrainConfig.paper().withPrecision(Precision.FP16);
        assertEquals(fp16, TrainConfigJson.read(TrainConfigJson.write(fp16)));
        var older = TrainConfigJson.write(TrainConfig.paper());
        older.remove("precision");
        assertEquals(Precision.FLOAT32, TrainConfigJson.read(older).precision());
        older.put("precision", "fp8");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfigJson.read(older));
        assertEquals("config.precision takes float32 or fp16, not 'fp8'", e.getMessage());
        older.put("precision", "bf16");
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfigJson.read(older));
        assertTrue(e.getMessage().startsWith("config.precision bf16 is not available: DJL's PyTorch bridge cannot hold bfloat16"), e.getMessage());
    }

    @Test
    void mxnetRefusesSixteenBitStepsInOneLine() {
        Engine engine = Engines.load(EngineChoice.MXNET);
        try (NDManager manager = engine.newBaseManager()) {
            Block block = Compiler.compile(TinyNetwork.build());
            block.initialize(manager, DataType.FLOAT32, INPUT);
            TrainingStep step = new TrainingStep(manager, block, new ParameterStore(manager, false), StepRules.of(new Sgd(0.9, 0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> step.withPrecision(Precision.FP16));
            assertEquals("precision fp16 needs the PyTorch engine (MXNet trains in float32 only)", e.getMessage());
        }
    }
}
