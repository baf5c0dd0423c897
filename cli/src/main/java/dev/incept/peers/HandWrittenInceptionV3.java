package dev.incept.peers;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Inception-v3 written by hand with plain DJL blocks, the way DJL's own model zoo writes networks
 * (SequentialBlock, ParallelBlock, builder chains). It computes exactly what the zoo's
 * {@code inception-v3} description compiles to, so timing the two measures what the DSL costs.
 * Compare its length with InceptionV3.java in the zoo.
 */
public final class HandWrittenInceptionV3 {
    private HandWrittenInceptionV3() {
    }

    public static Block build(int classes) {
        SequentialBlock net = new SequentialBlock();
        net.add(conv(32, 3, 3, 2, 0, 0)).add(conv(32, 3, 3, 1, 0, 0)).add(conv(64, 3, 3, 1, 1, 1))
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2)))
                .add(conv(80, 1, 1, 1, 0, 0)).add(conv(192, 3, 3, 1, 0, 0))
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2)));
        net.add(blockA(32)).add(blockA(64)).add(blockA(64));
        net.add(concat(
                conv(384, 3, 3, 2, 0, 0),
                seq(conv(64, 1, 1, 1, 0, 0), conv(96, 3, 3, 1, 1, 1), conv(96, 3, 3, 2, 0, 0)),
                Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2))));
        net.add(blockB(128)).add(blockB(160)).add(blockB(160)).add(blockB(192));
        net.add(concat(
                seq(conv(192, 1, 1, 1, 0, 0), conv(320, 3, 3, 2, 0, 0)),
                seq(conv(192, 1, 1, 1, 0, 0), conv(192, 1, 7, 1, 0, 3), conv(192, 7, 1, 1, 3, 0), conv(192, 3, 3, 2, 0, 0)),
                Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2))));
        net.add(blockC()).add(blockC());
        net.add(Pool.globalAvgPool2dBlock());
        net.add(Dropout.builder().optRate(0.2f).build());
        net.add(Linear.builder().setUnits(classes).build());
        return net;
    }

    private static Block blockA(int poolFilters) {
        return concat(
                conv(64, 1, 1, 1, 0, 0),
                seq(conv(48, 1, 1, 1, 0, 0), conv(64, 5, 5, 1, 2, 2)),
                seq(conv(64, 1, 1, 1, 0, 0), conv(96, 3, 3, 1, 1, 1), conv(96, 3, 3, 1, 1, 1)),
                seq(avgPool(), conv(poolFilters, 1, 1, 1, 0, 0)));
    }

    private static Block blockB(int c7) {
        return concat(
                conv(192, 1, 1, 1, 0, 0),
                seq(conv(c7, 1, 1, 1, 0, 0), conv(c7, 1, 7, 1, 0, 3), conv(192, 7, 1, 1, 3, 0)),
                seq(conv(c7, 1, 1, 1, 0, 0), conv(c7, 7, 1, 1, 3, 0), conv(c7, 1, 7, 1, 0, 3),
                        conv(c7, 7, 1, 1, 3, 0), conv(192, 1, 7, 1, 0, 3)),
                seq(avgPool(), conv(192, 1, 1, 1, 0, 0)));
    }

    private static Block blockC() {
        return concat(
                conv(320, 1, 1, 1, 0, 0),
                seq(conv(384, 1, 1, 1, 0, 0), concat(conv(384, 1, 3, 1, 0, 1), conv(384, 3, 1, 1, 1, 0))),
                seq(conv(448, 1, 1, 1, 0, 0), conv(384, 3, 3, 1, 1, 1),
                        concat(conv(384, 1, 3, 1, 0, 1), conv(384, 3, 1, 1, 1, 0))),
                seq(avgPool(), conv(192, 1, 1, 1, 0, 0)));
    }

    /** Conv (no bias) + batch norm (epsilon 1e-3) + ReLU. */
    private static Block conv(int filters, int kh, int kw, int stride, int ph, int pw) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(kh, kw)).optStride(new Shape(stride, stride))
                        .optPadding(new Shape(ph, pw)).setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().optEpsilon(1e-3f).build())
                .add(Activation.reluBlock());
    }

    /** 3x3/1 average pool, padding 1, not counting the padding (as TensorFlow and the zoo). */
    private static Block avgPool() {
        return Pool.avgPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
    }

    private static Block seq(Block... blocks) {
        return new SequentialBlock().addAll(blocks);
    }

    private static Block concat(Block... branches) {
        return new ParallelBlock(list -> new NDList(NDArrays.concat(
                new NDList(list.stream().map(NDList::head).collect(Collectors.toList())), 1)), Arrays.asList(branches));
    }
}
