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
import static dev.incept.spec.Layers.groupNorm;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The places that handle every layer kind without the compiler's reminder: the file format (each
 * kind's {@link LayerType}), the random descriptions of the property tests, and the visitor that
 * must have one method per kind. (The Kotlin builder has the same test in its module.)
 */
class EveryLayerKindTest {

    /** Every kind there is: the layer interface's permitted records. */
    static Set<String> allKinds() {
        return Arrays.stream(Layer.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The kinds in {@code layer} and everything inside it. */
    static Set<String> kindsIn(Layer layer) {
        Set<String> out = new TreeSet<>();
        out.add(layer.getClass().getSimpleName());
        layer.children().forEach(c -> out.addAll(kindsIn(c)));
        return out;
    }

    @Test
    void theJsonReaderReadsBackEveryLayerKind() {
        List<Layer> one = List.of(
                conv(8, 3), avgPool(3, 1).same(), seq(conv(8, 1), conv(8, 3)), concat(conv(8, 1), seq(conv(4, 1), conv(8, 3))),
                residual("res", 0.2, concat(conv(8, 1), conv(8, 3))), repeat("rep", 2, conv(8, 3)),
                lrn(5, 1e-4, 0.75, 1), batchNorm(), groupNorm(4), squeezeExcite(4), activation(ActivationKind.GELU_TANH), depthwise(3).multiplier(2), separable(8, 3),
                conv(8, 3).groups(4), conv(8, 3).dilation(2, 3), depthwise(3).dilation(2), residual("xres", 1.0, maxPool(3, 2).same()).shortcut(conv(8, 1).stride(2)),
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
    void everyKindOfLayerHasItsOwnVisitorMethod() {
        Set<String> methods = Arrays.stream(LayerVisitor.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allKinds().size(), methods.size());
        for (Method m : LayerVisitor.class.getDeclaredMethods()) {
            assertTrue(allKinds().contains(m.getParameterTypes()[1].getSimpleName()), m.getName() + " takes no layer kind");
        }
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
