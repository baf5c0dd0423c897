package dev.incept.spec;

import static dev.incept.spec.Layers.activation;
import static dev.incept.spec.Layers.adaptiveAvgPool;
import static dev.incept.spec.Layers.batchNorm;
import static dev.incept.spec.Layers.depthwise;
import static dev.incept.spec.Layers.identity;
import static dev.incept.spec.Layers.identityResidual;
import static dev.incept.spec.Layers.layerNorm;
import static dev.incept.spec.Layers.layerScale;
import static dev.incept.spec.Layers.squeezeExcite;
import static dev.incept.spec.Layers.split;
import static dev.incept.spec.Layers.separable;
import static dev.incept.spec.Layers.flatten;
import static dev.incept.spec.Layers.lrn;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.dropout;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.json.SpecJson;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The places that handle every layer kind without implementing {@link LayerVisitor} (so the
 * compiler cannot remind anyone): the JSON reader and the random descriptions of the property
 * tests. A new kind adds a visitor method, and these tests fail until both handle it. (The Kotlin
 * builder has the same test in its module.)
 */
class EveryLayerKindTest {

    /** Every kind there is: one per visitor method. */
    static Set<String> allKinds() {
        return Arrays.stream(LayerVisitor.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The kinds in {@code layer} and everything inside it. */
    static Set<String> kindsIn(Layer layer) {
        Set<String> out = new TreeSet<>();
        layer.accept(new LayerVisitor<Void>() {
            @Override public Void conv(Conv c) { out.add("conv"); return null; }
            @Override public Void pool(Pool p) { out.add("pool"); return null; }
            @Override public Void globalPool(GlobalPool p) { out.add("globalPool"); return null; }
            @Override public Void adaptiveAvgPool(AdaptiveAvgPool p) { out.add("adaptiveAvgPool"); return null; }
            @Override public Void dropout(Dropout d) { out.add("dropout"); return null; }
            @Override public Void dense(Dense d) { out.add("dense"); return null; }
            @Override public Void sequence(Sequence s) { out.add("sequence"); s.layers().forEach(l -> l.accept(this)); return null; }
            @Override public Void concat(Concat c) { out.add("concat"); c.branches().forEach(l -> l.accept(this)); return null; }
            @Override public Void residual(Residual r) { out.add("residual"); r.body().accept(this); return null; }
            @Override public Void repeat(Repeat r) { out.add("repeat"); r.body().accept(this); return null; }
            @Override public Void batchNorm(BatchNorm b) { out.add("batchNorm"); return null; }
            @Override public Void activation(Activation a) { out.add("activation"); return null; }
            @Override public Void flatten(Flatten f) { out.add("flatten"); return null; }
            @Override public Void lrn(Lrn l) { out.add("lrn"); return null; }
            @Override public Void depthwiseConv(DepthwiseConv c) { out.add("depthwiseConv"); return null; }
            @Override public Void separableConv(SeparableConv c) { out.add("separableConv"); return null; }
            @Override public Void split(ChannelSplit s) { out.add("split"); s.branches().forEach(l -> l.accept(this)); return null; }
            @Override public Void layerNorm(LayerNorm n) { out.add("layerNorm"); return null; }
            @Override public Void layerScale(LayerScale s) { out.add("layerScale"); return null; }
            @Override public Void squeezeExcite(SqueezeExcite s) { out.add("squeezeExcite"); return null; }
        });
        return out;
    }

    @Test
    void theJsonReaderReadsBackEveryLayerKind() {
        List<Layer> one = List.of(
                conv(8, 3), avgPool(3, 1).same(), seq(conv(8, 1), conv(8, 3)), concat(conv(8, 1), seq(conv(4, 1), conv(8, 3))),
                residual("res", 0.2, concat(conv(8, 1), conv(8, 3))), repeat("rep", 2, conv(8, 3)),
                lrn(5, 1e-4, 0.75, 1), batchNorm(), squeezeExcite(4), activation(ActivationKind.GELU_TANH), depthwise(3).multiplier(2), separable(8, 3),
                conv(8, 3).groups(4), residual("xres", 1.0, maxPool(3, 2).same()).shortcut(conv(8, 1).stride(2)),
                split(List.of(4, 2, 2), identity(), depthwise(3), depthwise(1, 11)),
                identityResidual(1.0, seq(layerNorm(), layerScale(1e-6))).dropPath(0.1).activation(ActivationKind.LINEAR),
                concat(seq(adaptiveAvgPool(3, 2), flatten()), globalAvgPool()), dropout(0.2), dense(10), activation(ActivationKind.SOFTMAX));
        Network net = Network.builder("every-kind").input(3, 16, 16).add(one.toArray(new Layer[0])).build();
        Set<String> covered = new TreeSet<>();
        one.forEach(l -> covered.addAll(kindsIn(l)));
        assertEquals(allKinds(), covered, "a layer kind without a sample here");
        assertEquals(net, SpecJson.read(SpecJson.write(net)));
    }

    @Test
    void everyKindOfLayerHasItsOwnVisitorMethodOverTheResolvedTree() {
        Set<String> resolved = Arrays.stream(dev.incept.analysis.ResolvedVisitor.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allKinds(), resolved);
        assertEquals(allKinds().size(), Layer.class.getPermittedSubclasses().length);
    }

    @Test
    void theJsonTableNamesEveryKindOnceAndItsTypeNamesAreDistinct() {
        Set<Class<?>> permitted = Set.of(Layer.class.getPermittedSubclasses());
        assertEquals(permitted, dev.incept.json.SpecJson.layerTypes().keySet());
        assertEquals(permitted.size(), Set.copyOf(dev.incept.json.SpecJson.layerTypes().values()).size());
    }

    @Test
    void theRandomDescriptionsDrawEveryLayerKind() {
        RandomDescriptions draw = new RandomDescriptions(new Random(11), false);
        Set<String> drawn = new TreeSet<>();
        for (int i = 0; i < 2_000 && !drawn.equals(allKinds()); i++) {
            drawn.addAll(kindsIn(draw.layer(3)));
        }
        assertEquals(allKinds(), drawn);
    }
}
