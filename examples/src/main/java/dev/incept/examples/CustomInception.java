package dev.incept.examples;

import static dev.incept.spec.Layers.avgPool;
import static dev.incept.spec.Layers.concat;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.dropout;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.residual;
import static dev.incept.spec.Layers.seq;

import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.analysis.SummaryTable;
import dev.incept.json.SpecJson;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;

/**
 * A small Inception for 28x28 grayscale images, in the Java DSL: a stem that halves the grid, a factorized block, a grid
 * reduction, a scaled residual block and an auxiliary head. Prints its summary and its JSON.
 */
public final class CustomInception {
    private CustomInception() {
    }

    /** 5x5 written as two 3x3, pool projection beside it. */
    static Layer blockA(String name, int width) {
        return concat(name,
                conv(width, 1),
                seq(conv(width / 2, 1), conv(width, 3)),
                seq(conv(width / 2, 1), conv(width, 3), conv(width, 3)),
                seq(avgPool(3, 1).same(), conv(width / 2, 1)));
    }

    /** Stride-2 convolutions beside stride-2 pooling: no bottleneck, no 3x cost. */
    static Layer reduction(String name, int width) {
        return concat(name,
                conv(width, 3).stride(2).valid(),
                seq(conv(width / 2, 1), conv(width, 3), conv(width, 3).stride(2).valid()),
                maxPool(3, 2));
    }

    /** 7x7 factorized into 1x7 + 7x1 inside a scaled residual. */
    static Layer residualB(String name) {
        return residual(name, 0.2, concat(
                conv(64, 1),
                seq(conv(48, 1), conv(56, 1, 7), conv(64, 7, 1))));
    }

    public static Network network() {
        return Network.builder("fashion-inception").input(1, 28, 28)
                .block("stem", conv(32, 3), conv(64, 3).stride(2).pad(1, 1))
                .add(blockA("mixed_a", 64), reduction("reduce", 96), residualB("res_b"))
                .add(globalAvgPool(), dropout(0.2), dense(10).named("logits"))
                .aux("aux", "mixed_a", 0.3, avgPool(5, 3), conv(64, 1), globalAvgPool(), dense(10))
                .build();
    }

    public static void main(String[] args) {
        Network net = network();
        System.out.print(SummaryTable.render(Analyzer.analyze(net, Convention.PYTORCH, true), 1));
        System.out.println();
        System.out.print(SpecJson.write(net));
    }
}
