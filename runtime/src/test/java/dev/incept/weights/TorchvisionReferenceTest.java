package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Concat;
import dev.incept.spec.Dropout;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.Sequence;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * torchvision itself (Debian's python3-torchvision, on the CPU) as the reference: it writes a
 * network's state dict (torch.save and safetensors), its eval-mode logits for a batch, and in
 * training mode the main loss, its gradient with respect to the input and the aux heads' logits. The zoo's twin, loaded
 * from either file, gives all three on both engines within 1e-4 of their scale; training mode
 * checks batch norm's batch-statistics path, with dropout off on both sides, in float64 on both.
 */
class TorchvisionReferenceTest {
    private static final double BOUND = 1e-4;

    @ParameterizedTest(name = "torchvision {0} as {1} at {2}x{2} from {4} on {5}")
    @CsvSource({
        "googlenet, googlenet-3x3, 64, 10, weights.pth, PYTORCH",
        "googlenet, googlenet-3x3, 64, 10, weights.safetensors, MXNET",
        "inception_v3, inception-v3-torchvision, 299, 10, weights.safetensors, PYTORCH",
        "inception_v3, inception-v3-torchvision, 299, 10, weights.pth, MXNET"})
    void theZoosTwinGivesTorchvisionsLogitsLossInputGradientAndAuxLogits(String tv, String model, int size, int classes, String file, EngineChoice choice)
            throws IOException, InterruptedException {
        Path dir = TorchvisionReference.files(tv, size, classes);
        Network net = withoutDropout(Zoo.get(model).build(new ModelConfig(classes, 3, size, true, true)));
        float[] input = TorchvisionReference.floats(dir.resolve("input.f32"));
        Shape shape = new Shape(input.length / (3L * size * size), 3, size, size);
        Engine engine = Engines.load(choice);
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = load(net, m, DataType.FLOAT32, shape, dir.resolve(file));
            float[] logits = block.forward(new ParameterStore(m, false), new NDList(m.create(input, shape)), false).head().toFloatArray();
            within("eval-mode logits", toDoubles(logits), toDoubles(TorchvisionReference.floats(dir.resolve("logits.f32"))));
        }
        // Training mode in float64 on both sides: in float32 the input gradient of inception_v3 through
        // its 94 batch norms on batch statistics loses digits to cancellation (torchvision's own float32
        // gradient is 2-3% of its scale from its float64 one), so no float32 pair could agree to 1e-4.
        try (NDManager m = engine.newBaseManager()) {
            NetworkBlock block = load(net, m, DataType.FLOAT64, shape, dir.resolve(file));
            NDArray x = m.create(input, shape).toType(DataType.FLOAT64, false);
            x.setRequiresGradient(true);
            double loss;
            double[] aux;
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDList outputs = block.forward(new ParameterStore(m, false), new NDList(x), true);
                NDArray main = outputs.head();
                aux = outputs.subNDList(1).stream().map(NDArray::toDoubleArray).flatMapToDouble(java.util.Arrays::stream).toArray();
                NDArray oneHot = m.create(TorchvisionReference.ints(dir.resolve("labels.i32"))).oneHot(classes).toType(DataType.FLOAT64, false);
                NDArray objective = main.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
                loss = objective.toDoubleArray()[0];
                gc.backward(objective);
            }
            within("training-mode loss", new double[] {loss}, TorchvisionReference.doubles(dir.resolve("train_loss.f64")));
            within("training-mode input gradient", x.getGradient().toDoubleArray(), TorchvisionReference.doubles(dir.resolve("input_grad.f64")));
            within("training-mode aux-head logits", aux, TorchvisionReference.doubles(dir.resolve("train_aux.f64")));
        }
    }

    private static NetworkBlock load(Network net, NDManager m, DataType type, Shape shape, Path file) {
        NetworkBlock block = Compiler.compile(net);
        block.initialize(m, type, shape);
        Weights.LoadReport loaded = Weights.load(block, net, file);
        assertTrue(loaded.classifierKept().isEmpty(), "every tensor loads, the classifier included");
        return block;
    }

    private static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static void within(String what, double[] ours, double[] theirs) {
        assertEquals(theirs.length, ours.length, what + ": count");
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < ours.length; i++) {
            diff = Math.max(diff, Math.abs(ours[i] - theirs[i]));
            scale = Math.max(scale, Math.abs(theirs[i]));
        }
        System.out.printf(java.util.Locale.ROOT, "%s: max difference %.3g, scale %.3g%n", what, diff, scale);
        assertTrue(diff <= BOUND * scale, what + " differ from torchvision's by " + diff + " where their scale is " + scale);
    }

    /** The same network with every dropout at rate 0: training mode then computes one function on both sides. */
    static Network withoutDropout(Network net) {
        return new Network(net.name(), net.input(), net.layers().stream().map(TorchvisionReferenceTest::noDropout).toList(),
                net.auxHeads().stream().map(h -> new dev.incept.spec.AuxHead(h.name(), h.after(),
                        h.layers().stream().map(TorchvisionReferenceTest::noDropout).toList(), h.lossWeight())).toList());
    }

    private static Layer noDropout(Layer l) {
        if (l instanceof Dropout d) {
            return new Dropout(d.name(), 0.0);
        }
        if (l instanceof Sequence s) {
            return new Sequence(s.name(), s.layers().stream().map(TorchvisionReferenceTest::noDropout).toList());
        }
        if (l instanceof Concat c) {
            return new Concat(c.name(), c.branches().stream().map(TorchvisionReferenceTest::noDropout).toList());
        }
        if (l instanceof Repeat r) {
            return new Repeat(r.name(), r.times(), noDropout(r.body()));
        }
        if (l instanceof Residual r) {
            return new Residual(r.name(), noDropout(r.body()), r.project(), r.scale(), r.activation());
        }
        return l;
    }
}
