"""Writes the notebooks' sources (cells without outputs). Run by hand after editing; the committed
.ipynb files carry the outputs of a full run made by scripts/run-notebooks --full."""
import json, sys

KERNEL = {"kernelspec": {"name": "kotlin-incept", "display_name": "Kotlin (incept)", "language": "kotlin"},
          "language_info": {"name": "kotlin", "codemirror_mode": "text/x-kotlin"}}
LOAD = '@file:DependsOn("dev.incept:incept-jupyter:0.1.0-SNAPSHOT")\n' \
       '// Quick mode (CI): INCEPT_QUICK=1 shrinks data and epochs; the committed outputs are a full run.\n' \
       'val quick = System.getenv("INCEPT_QUICK") == "1"'

def md(s): return {"cell_type": "markdown", "metadata": {}, "source": s.strip("\n")}
def code(s): return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s.strip("\n")}

def write(name, cells):
    json.dump({"nbformat": 4, "nbformat_minor": 5, "metadata": KERNEL, "cells": cells},
              open(name, "w"), indent=1, ensure_ascii=False)
    open(name, "a").write("\n")

write("01-dsl-tour.ipynb", [
    md("""
# 1. A tour of the DSL

An Inception network is a stack of *blocks*, and each block runs a few *branches* side by side on
the same input and concatenates what they produce along the channels. The papers differ in which
branches they use and how they save computation: GoogLeNet's 1x1 bottlenecks, v3's factorized
convolutions (a 5x5 as two 3x3, an n x n as 1 x n then n x 1), grid reductions that stride a
convolution beside a pooling, Inception-ResNet's scaled shortcuts.

incept describes all of this in a few declarative lines, and before anything runs it works out
every shape, parameter count, multiply-add count and receptive field. The first cell loads incept
into the notebook: its Kotlin builder, its analysis, and renderers that draw a network.
"""),
    code(LOAD),
    md("""
## A block in five lines

Inception-v3's 35x35 block: a 1x1 branch, a 1x1 bottleneck before a 5x5, a bottleneck before two
3x3 (the factorized 5x5), and an average pool followed by a 1x1 projection. Wrapped in a network
with an input and a classifier, it is a value we can look at. Displaying a network shows its
summary (shape, parameters, multiply-adds and receptive field per block) beside its diagram, with
the shape that flows along every edge.
"""),
    code("""
val tiny = network("one-block") {
    input(3, 35)
    concat("mixed") {
        branch { conv(64, 1) }
        branch { conv(48, 1); conv(64, 5) }
        branch { conv(64, 1); conv(96, 3); conv(96, 3) }
        branch { avgPool(3, stride = 1, padding = SAME); conv(32, 1) }
    }
    globalAvgPool(); dense(10)
}
tiny
"""),
    md("""
## What factorization saves, computed rather than quoted

The v3 paper says that replacing a 5x5 convolution by two 3x3 ones costs 18/25 of the
computation (a 28% saving), and that splitting a 3x3 into a 1x3 and a 3x1 saves 33%. Here the DSL
builds both forms of each block and the analyser counts their multiply-adds on a 35x35 grid.
"""),
    code("""
val five = Factorization.fiveByFiveAsTwoThreeByThree(64, 35)
val three = Factorization.asymmetric(3, 64, 35)
val seven = Factorization.asymmetric(7, 64, 17)
for ((what, s) in listOf("5x5 -> two 3x3" to five, "3x3 -> 1x3 + 3x1" to three, "7x7 -> 1x7 + 7x1" to seven)) {
    println("%-18s %,14d -> %,14d multiply-adds: cost %.3f, saving %.1f%%".format(what, s.originalMacs(), s.factorizedMacs(), s.costRatio(), 100 * s.saving()))
}
"""),
    md("""
## The zoo

The zoo's networks are written in the same DSL, block for block, and their parameter counts match
the published ones exactly (torchvision, timm, Keras). Multiply-adds are per image.
"""),
    code("""
for (m in Zoo.models()) {
    val a = m.build(m.defaults()).analyze(includeAux = false)
    println("%-20s %4dx%-4d %,12d parameters  %7.3f G multiply-adds".format(m.name(), m.defaultInput(), m.defaultInput(), a.params(), a.macs() / 1e9))
}
"""),
    md("""
Any zoo network can be displayed, too. Inception-ResNet-v2 draws its 10, 20 and 10 repeated
blocks once each with their count, and each residual block's shortcut in red:
"""),
    code("""
Zoo.get("inception-resnet-v2").build(ModelConfig.imagenet(299))
"""),
    md("""
## A network of your own

A small network for 28x28 images: the stem halves the grid, then an A block, a grid reduction,
and a residual block whose body is a factorized 7x7, its sum scaled by 0.2 as in
Inception-ResNet. A mistake is caught before anything runs, with the path of the block at fault;
the last cell shows one.
"""),
    code("""
val mine = network("mine") {
    input(1, 28)
    block("stem") { conv(32, 3); conv(64, 3, stride = 2, padding = pad(1)) }
    concat("mixed_a") {
        branch { conv(32, 1) }
        branch { conv(24, 1); conv(32, 3) }
        branch { conv(24, 1); conv(32, 3); conv(32, 3) }
        branch { avgPool(3, stride = 1, padding = SAME); conv(32, 1) }
    }
    concat("reduce") {
        branch { conv(64, 3, stride = 2, padding = VALID) }
        branch { maxPool(3, stride = 2) }
    }
    residual(scale = 0.2, name = "res") {
        branch { conv(64, 1) }
        branch { conv(48, 1); conv(56, 1 x 7); conv(64, 7 x 1) }
    }
    globalAvgPool(); dense(10)
}
mine
"""),
    code("""
try {
    network("broken") {
        input(1, 28)
        concat("mixed") {
            branch { conv(16, 3) }
            branch { conv(16, 3, stride = 2) }
        }
    }.analyze()
} catch (e: SpecException) {
    println("rejected: " + e.message)
}
"""),
])

write("02-training.ipynb", [
    md("""
# 2. Training a small Inception on Fashion-MNIST

Fashion-MNIST: 70,000 28x28 grayscale pictures of clothes in ten classes (60,000 to train on,
10,000 to test), from Debian's `dataset-fashion-mnist` package. We train the zoo's
`inception-mini` (v3's block kinds at 14x14 and 7x7) with the recipe of the Inception-v3 paper:
RMSProp with epsilon 1.0, a learning rate decayed per epoch, label smoothing, gradient clipping
and a moving average of the weights for evaluation. The training runs in this notebook's kernel
on the CPU (DJL with MXNet), showing its progress as it goes.
"""),
    code(LOAD),
    code("""
val train = FashionMnist.load(FashionMnist.Split.TRAIN)
val test = FashionMnist.load(FashionMnist.Split.TEST)
println("train: ${train.count()} images ${train.height()}x${train.width()}, test: ${test.count()}, classes: ${FashionMnist.CLASSES}")
val net = Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, false, true))
net
"""),
    md("""
## The recipe

`TrainConfig.paper()` is the paper's recipe; we keep it but decay the learning rate by 0.7 every
epoch rather than 0.94 every two, since we train for a few epochs, not a hundred. Augmentation is
a random shift of up to two pixels and a horizontal flip (a mirrored shirt is still a shirt).
"""),
    code("""
val epochs = if (quick) 1 else 6
val config = TrainConfig.paper()
    .withEpochs(epochs).withBatchSize(128)
    .withLearningRate(LearningRate.exponential(0.045, 0.7, 1.0))
    .withEmaDecay(0.999)
    .withAugment(Augment(2, true))
    .withLimits(if (quick) 2_000 else Int.MAX_VALUE, if (quick) 500 else Int.MAX_VALUE)
println(config)
"""),
    md("""
## Train

The cell below shows one display that updates in place: figures while an epoch runs, the curves
once it ends. A checkpoint is written after every epoch.
"""),
    code("""
val checkpoint = java.nio.file.Files.createTempDirectory("incept-nb").resolve("mini.ckpt")
val progress = LiveProgress({ DISPLAY(it, "training") }, { UPDATE_DISPLAY(it, "training") }, "inception-mini on Fashion-MNIST")
val trainer = Trainer(net, config, Engines.load(EngineChoice.MXNET))
trainer.listen(progress)
val history = trainer.fit(train, test, checkpoint, false)
"""),
    code("""
History("inception-mini on Fashion-MNIST", history)
"""),
    code("""
val e = history.last().test()
println("test top-1 %.2f%%, top-5 %.2f%%, expected calibration error %.4f, on %d images".format(100 * e.top1(), 100 * e.top5(), e.ece(), e.count()))
println("training speed: %.0f images/s".format(history.last().imagesPerSecond()))
"""),
    md("""
## Save and reload

The checkpoint holds the parameters, the optimizer's state, the moving average, the epoch and the
description itself. A fresh trainer resumes from it; since all epochs are done, it trains no
further, and evaluating it gives the same accuracy as before.
"""),
    code("""
trainer.close()
Trainer(net, config, Engines.load(EngineChoice.MXNET)).use { reloaded ->
    val again = reloaded.fit(train, test, checkpoint, true)
    val r = reloaded.evaluate(train, test)
    println("reloaded after epoch ${again.size}: top-1 %.2f%% (before: %.2f%%)".format(100 * r.top1(), 100 * e.top1()))
}
"""),
])
