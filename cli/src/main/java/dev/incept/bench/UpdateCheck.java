package dev.incept.bench;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.seq;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.incept.spec.Network;
import dev.incept.optim.Adam;
import dev.incept.optim.Optimizer;
import dev.incept.optim.RmsProp;
import dev.incept.optim.Sgd;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bench case "update-check": the one-call update against the per-weight one on this engine
 * and device, for each optimizer with and without clipping, on a small Inception block with an aux head.
 * FusedUpdateTest proves the same on the CPU; this is how a GPU machine without Maven proves it.
 */
final class UpdateCheck {
    private static final double TOLERANCE = 1e-6;

    private UpdateCheck() {
    }

    /**
     * A small Inception network with an aux head. No dropout: its masks come from the device's
     * generator, which DJL's seed does not reach on every libtorch, and the two copies must see the
     * same forward pass.
     */
    static Network network() {
        return Network.builder("update-check").input(1, 28, 28)
                .add(conv(32, 3).stride(2), conv(48, 3))
                .add(concat(conv(32, 1), seq(conv(24, 1), conv(32, 3)), seq(conv(16, 1), conv(24, 3), conv(24, 3)),
                        seq(avgPool(3, 1).same(), conv(16, 1))).named("mixed"))
                .add(globalAvgPool(), dense(10).named("logits"))
                .aux("aux", "mixed", 0.3, globalAvgPool(), dense(10))
                .build();
    }

    static Map<String, Object> run(Engine engine, Device device) {
        Network net = network();
        Map<String, Supplier<Optimizer>> rules = new LinkedHashMap<>();
        rules.put("sgd-momentum", () -> new Sgd(0.9, 4e-5));
        rules.put("rmsprop-paper", () -> new RmsProp(0.9, 1.0, 0.9, 4e-5));
        rules.put("adam", () -> new Adam(0.9, 0.999, 1e-8, 4e-5));
        Map<String, Object> out = new LinkedHashMap<>();
        boolean pass = true;
        for (Map.Entry<String, Supplier<Optimizer>> e : rules.entrySet()) {
            for (double clip : new double[] {0, 0.5}) {
                UpdateEquivalence.Gaps r = UpdateEquivalence.compare(engine, device, net, e.getValue(), clip, 16, 5, 0.05f);
                String key = e.getKey() + (clip > 0 ? "_clip" : "");
                // As text: the bench's JSON prints numbers to four decimals.
                out.put(key + "_worst_diff", String.format(java.util.Locale.ROOT, "%.2e", r.worst()));
                out.put(key + "_parts", String.format(java.util.Locale.ROOT, "weights %.2e, state %.2e, average %.2e, loss %.2e",
                        r.weights(), r.optimizerState(), r.average(), r.loss()));
                out.put(key + "_fused", r.fused());
                out.put(key + "_gradients_zeroed", r.gradientsZeroed());
                pass &= r.fused() && r.gradientsZeroed() && r.worst() <= TOLERANCE;
            }
        }
        out.put("tolerance", TOLERANCE);
        out.put("pass", pass);
        return out;
    }
}
