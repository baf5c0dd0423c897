"""Writes the notebooks' sources (cells without outputs). Run by hand after editing; the committed
.ipynb files carry the outputs of a full run made by scripts/run-notebooks --full, so name the
ones you changed (`python3 make_notebooks.py 03`) to keep the others' outputs."""
import json, sys

KERNEL = {"kernelspec": {"name": "kotlin-incept", "display_name": "Kotlin (incept)", "language": "kotlin"},
          "language_info": {"name": "kotlin", "codemirror_mode": "text/x-kotlin"}}
LOAD = '@file:DependsOn("dev.incept:incept-jupyter:0.1.0-SNAPSHOT")\n' \
       '// Quick mode (CI): INCEPT_QUICK=1 shrinks data and epochs; the committed outputs are a full run.\n' \
       'val quick = System.getenv("INCEPT_QUICK") == "1"'

SWEEP_LOAD = '@file:DependsOn("dev.incept:incept-jupyter:0.1.0-SNAPSHOT")\n' \
             '@file:DependsOn("dev.incept:incept-sweep:0.1.0-SNAPSHOT")\n' \
             'import dev.incept.sweep.*\n' \
             '// Quick mode (CI): INCEPT_QUICK=1 shrinks data and epochs; the committed outputs are a full run.\n' \
             'val quick = System.getenv("INCEPT_QUICK") == "1"\n' \
             '// The sweep\'s folder: a fresh one in quick mode; in a full run a fixed one, so that running the\n' \
             '// notebook again reads back finished points and resumes an interrupted one from its checkpoint.\n' \
             'fun sweepFolder(name: String): java.nio.file.Path =\n' \
             '    if (quick) java.nio.file.Files.createTempDirectory(name)\n' \
             '    else java.nio.file.Path.of("..", "target", "sweeps", name).toAbsolutePath().normalize()'

def md(s): return {"cell_type": "markdown", "metadata": {}, "source": s.strip("\n")}
def code(s): return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s.strip("\n")}

def write(name, cells):
    if len(sys.argv) > 1 and not any(name.startswith(p) for p in sys.argv[1:]):
        return
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
val train = FashionMnist.load(Split.TRAIN)
val test = FashionMnist.load(Split.TEST)
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

# Written after the full run from its outputs (the numbers below are that run's).
SMOOTHING_FINDINGS = """
## What the full run shows

In the committed full run (3 epochs of 15,000 images per variant, one seed each) the network trained
on one-hot targets is already well calibrated: ECE 0.011. Over-confidence builds up as long training
drives the training loss towards zero, and three short epochs have not done that yet. Smoothing's
pull on confidence shows all the same: the calibration error grows with eps (0.030 at 0.05, 0.068 at
0.1, 0.145 at 0.2) because a smoothed network's confidence is capped near 1 - eps + eps/K (0.91 at
eps = 0.1) while most Fashion-MNIST test images are easy, so its top confidence bins sit *above* the
diagonal: under-confident. Top-1 moves by less than a point across the sweep (86.0% at eps 0 down to
85.3% at 0.2); with one seed per value, a difference this size is within the spread between seeds
that notebook 08 measures (0.4 to 1.5 points). The lesson to carry: smoothing lowers confidence by
about eps, which corrects a network that is over-confident and miscalibrates one that is not, so
measure ECE on your own run before and after. Adding `grid("seed", 1, 2, 3)` to the sweep above
puts a spread on every figure.
"""

RESOLUTION_FINDINGS = """
## What the full run shows

In the committed full run (3 epochs on 20,000 images, all 10,000 test images, one seed each) the
order is the paper's: 28x28 with the stride-2 stem 86.99%, 14x14 at equal cost 86.33% (-0.66
points), 14x14 with the naive stride-2 stem 85.29% (-1.70). The paper's gaps are -0.2 and -1.4. Two
cautions: with one seed per variant, the 0.66-point gap between the two equal-cost networks is
within the spread between seeds that notebook 08 measures (0.4 to 1.5 points), while the naive
network's 1.7 points are beyond it; and the naive network trained at twice the images per second
(684 against about 340), the price of its quarter of the compute showing up as speed on a CPU.
The 28x28 run's last epoch (215 images/s) shared the machine with other work; its first two ran
at 329 and 342, the same as the 14x14 equal-cost run, as equal multiply-adds predict.
"""

ABLATION_FINDINGS = """
## What the full run shows

In the committed full run (3 epochs on 10,000 images, 5,000 test images, three seeds per step) the
chain ends where it started: the v3 step's mean top-1 is 81.6% against v2's 81.1%, a gain of 0.5
points where the paper gains 2.2. The seeds of one step spread by 0.4 to 1.5 points (sample
standard deviation), so the standard error of a step's gain, the difference of two means of three,
is about 0.7 points: no single step here is far outside the noise, and the paper's steps (0.3 to
1.2 points on ImageNet's 50,000 validation images after 100 epochs) would be invisible at this
scale even where the effect is real.

- **RMSProp** agrees in sign: +0.95 points over momentum SGD (paper +0.3), with the smallest spread
  of any step (0.41).
- **Label smoothing** disagrees: -1.27 points (paper +0.3), and the calibration error rises from
  0.041 to 0.055. This is notebook 03's finding again: a network trained this briefly is not yet
  over-confident, so capping its confidence near 0.91 makes it under-confident. Smoothing's gain in
  the paper comes after the long training that makes a network over-confident.
- **Factorized 7x7** disagrees: -0.36 points (paper +1.2), the step with the largest spread (1.45).
  The paper's 7x7 sits on a 299x299 RGB image and its factorization adds depth where the image is
  richest; here the input is a 28x28 grayscale image, and the three 3x3 convolutions add 4.9 M
  multiply-adds (8% of the network) and 25,000 parameters that three short epochs do not turn into
  accuracy.
- **BN-auxiliary** agrees in sign: +1.17 points (paper +0.4), within the noise of the step before it.

What the chain does show at this scale is the method: each change added alone, repeated over
seeds, with its cost from the analysis and its description change from the diff. To see the
paper's small steps, the sweep needs more seeds, longer runs or more data, which is one change to
its base settings and, with `--master spark://HOST:PORT`, more machines. The images per second
differ between steps that train the same network (305 to 357): that is other work on this shared
2-core machine during some of the runs, not the recipe.
"""

RUN = """
// Trains one variant and returns its history; quick mode uses 2,000 training images and one epoch.
val train = FashionMnist.load(Split.TRAIN)
val test = FashionMnist.load(Split.TEST)
val engine = Engines.load(EngineChoice.MXNET)
fun base(epochs: Int) = TrainConfig.paper()
    .withEpochs(if (quick) 1 else epochs).withBatchSize(128)
    .withLearningRate(LearningRate.exponential(0.045, 0.7, 1.0))
    .withEmaDecay(0.999).withAugment(Augment(2, true))
    .withLimits(if (quick) 2_000 else Int.MAX_VALUE, if (quick) 500 else Int.MAX_VALUE)
fun trainRun(title: String, net: Network, config: TrainConfig): History =
    Trainer(net, config, engine).use { t -> t.listen(progress(title)); History(title, t.fit(train, test, null, false)) }
// One live display per training run, updated in place: a line while an epoch runs, the curves after it.
fun progress(title: String): LiveProgress {
    val id = "$title ${System.nanoTime()}"
    return LiveProgress({ DISPLAY(it, id) }, { UPDATE_DISPLAY(it, id) }, title)
}
"""

write("03-label-smoothing.ipynb", [
    md("""
# 3. Label smoothing

Cross-entropy against one-hot targets rewards a network for pushing the logit of the right class
ever further above the others: it becomes over-confident. Inception-v3 (section 7) replaces the
target with (1 - eps) on the true class plus eps/K spread over all K classes, eps = 0.1, and
reports about 0.2% better top-1 on ImageNet. Beyond accuracy, smoothing changes *confidence*:
here we train the same network with eps = 0 and eps = 0.1 (and, in the full run, a sweep) and
look at accuracy, the expected calibration error (ECE: the gap between confidence and accuracy,
averaged over 15 confidence bins), a confidence histogram and a reliability diagram.

The runs are a *sweep* (incept-sweep, on Apache Spark's embedded local mode): one `incept train`
run per value of eps, each in its own run folder. The full run behind the outputs below trains
each of the four variants for 3 epochs on 15,000 training images and evaluates on all 10,000 test
images. Smoothing's pull on confidence shows from the first epochs, so this is enough to see the
effect; the accuracies are below what a long run reaches (93.7% in the README).
"""),
    code(SWEEP_LOAD),
    code("""
val epsilons = if (quick) listOf(0.0, 0.1) else listOf(0.0, 0.05, 0.1, 0.2)
val smoothing = sweep("label-smoothing") {
    // the paper's recipe, its learning rate decayed faster (0.7 a epoch) and averaged over fewer steps for runs this short
    base("model" to "inception-mini", "recipe" to "paper", "lr-decay" to 0.7, "lr-every" to 1, "ema" to 0.999,
         "epochs" to (if (quick) 1 else 3), "batch" to 128,
         "train-limit" to (if (quick) 2_000 else 15_000), "test-limit" to (if (quick) 500 else 10_000))
    grid("label-smoothing", *epsilons.toTypedArray())
}
val folder = sweepFolder("03-label-smoothing")
val results = Sweep.run(smoothing, "local[1]", folder, mapOf(), LiveLine({ DISPLAY(it, "sweep") }, { UPDATE_DISPLAY(it, "sweep") }))
Results.table(results)
"""),
    md("""
Each point's run folder holds its history, reliability bins included, so the charts read the
folders back rather than anything kept in memory.
"""),
    code("""
val runs = results.associate { r ->
    val name = "eps " + r.settings()["label-smoothing"]
    name to History(name, Run.open(Sweep.runFolder(folder, r)).history())
}
for ((name, h) in runs) {
    val e = h.last().test()
    println("%-9s top-1 %.2f%%, top-5 %.2f%%, ECE %.4f, test cross-entropy %.4f".format(name, 100 * e.top1(), 100 * e.top5(), e.ece(), e.loss()))
}
Charts.compare(runs, "test_top1", "test accuracy per epoch")
"""),
    md("""
The reliability diagram puts each confidence bin's average confidence against its accuracy; a
perfectly calibrated model lies on the diagonal. Points below it are over-confident.
"""),
    code("""
val finals = runs.mapValues { it.value.last().test() }
Charts.reliability(finals)
"""),
    code("""
Charts.confidence(finals)
"""),
    code("""
Charts.bars("expected calibration error", finals.keys.toList(), finals.values.map { it.ece() }, "ECE")
"""),
    md(SMOOTHING_FINDINGS),
])

write("04-lower-resolution.ipynb", [
    md("""
# 4. Lower-resolution input at equal cost

Section 9 of the Inception-v3 paper asks how much a lower input resolution costs when the
network's *computation* is kept the same. It trains three networks of near-equal cost: 299x299
with a stride-2 first convolution and a max pool, 151x151 with stride 1 and the pool, and 79x79
with stride 1 and no pool, and reports top-1 of 76.6%, 76.4% and 75.2%: resolution matters much
less than compute.

At small scale: Fashion-MNIST's native 28x28 is the "high" resolution. The network below takes
its stem's stride as a parameter, so that the first Inception block always sees a 14x14 grid:
28x28 with a stride-2 stem, 14x14 (the images downsampled) with a stride-1 stem. The DSL shows
that their multiply-adds are nearly equal. A third run feeds 14x14 images to the stride-2 stem,
the naive choice, which quarters the compute.
"""),
    code(SWEEP_LOAD),
    code("""
fun variant(name: String, size: Int, stemStride: Int): Network = network(name) {
    input(1, size)
    block("stem") { conv(32, 3); conv(64, 3, stride = stemStride, padding = pad(1)) }
    +InceptionMini.blockA("mixed0"); +InceptionMini.blockA("mixed1")
    +InceptionMini.reductionA("mixed2")
    +InceptionMini.blockB("mixed3"); +InceptionMini.blockC("mixed4")
    globalAvgPool(); dropout(0.3); dense(10, name = "logits")
}
val variants = listOf(variant("28x28, stride-2 stem", 28, 2), variant("14x14, stride-1 stem", 14, 1), variant("14x14, stride-2 stem (naive)", 14, 2))
for (v in variants) {
    val a = v.analyze()
    println("%-30s %s after the stem, %6.1f M multiply-adds, %,d parameters".format(v.name(), a.block("stem").get().output(), a.macs() / 1e6, a.params()))
}
"""),
    md("""
The three become a sweep (incept-sweep, on Apache Spark's embedded local mode): each description
is written to a file, and each variant of the sweep names its file and its input size. Resizing
happens on the fly in the data pipeline (bilinear, like PyTorch's `align_corners=False`), so each
run reads the same images at its own resolution. The full run trains each for 3 epochs on 20,000
images and tests on all 10,000.
"""),
    code("""
val folder = sweepFolder("04-lower-resolution")
java.nio.file.Files.createDirectories(folder)
val stride2 = folder.resolve("stride-2-stem.json").also { dev.incept.json.SpecJson.write(variants[0], it) }
val stride1 = folder.resolve("stride-1-stem.json").also { dev.incept.json.SpecJson.write(variants[1], it) }
val resolution = sweep("lower-resolution") {
    base("recipe" to "paper", "lr-decay" to 0.7, "lr-every" to 1, "ema" to 0.999, "epochs" to (if (quick) 1 else 3), "batch" to 128,
         "train-limit" to (if (quick) 2_000 else 20_000), "test-limit" to (if (quick) 500 else 10_000))
    variant(variants[0].name(), "spec" to stride2, "input" to 28)
    variant(variants[1].name(), "spec" to stride1, "input" to 14)
    variant(variants[2].name(), "spec" to stride2, "input" to 14)
    grid("variant", *variants.map { it.name() }.toTypedArray())
}
val results = Sweep.run(resolution, "local[1]", folder, mapOf(), LiveLine({ DISPLAY(it, "sweep") }, { UPDATE_DISPLAY(it, "sweep") }))
Results.table(results)
"""),
    code("""
val histories = results.associate { r -> r.settings()["variant"]!! to History(r.settings()["variant"]!!, Run.open(Sweep.runFolder(folder, r)).history()) }
Charts.compare(histories, "test_top1", "test accuracy per epoch")
"""),
    code("""
val ours = results.map { it.settings()["variant"]!! to 100 * it.top1() }
Charts.bars("top-1 (%): ours on Fashion-MNIST", ours.map { it.first }, ours.map { it.second }, "top-1 %")
"""),
    code("""
// The paper's table (ImageNet, top-1 %), for comparison
Charts.bars("top-1 (%): Inception-v3 paper, equal cost", listOf("299x299", "151x151", "79x79"), listOf(76.6, 76.4, 75.2), "top-1 %")
"""),
    md(RESOLUTION_FINDINGS),
])

write("05-residual-scaling.ipynb", [
    md("""
# 5. Residual scaling

Inception-ResNet adds each block's branches back onto its input: out = relu(x + s * r). The v4
paper reports that with more than about a thousand filters such networks "died" early in
training unless the residual r was scaled down by s between 0.1 and 0.3 before the sum. Here a
stack of Inception-ResNet blocks at 1024 channels (256 in quick mode) is trained with s = 1.0 and s = 0.2 (and 0.1
in the full run), and we watch the loss curves and the size of the activations stage by stage:
without scaling, each block adds a full-size residual and the activations grow with depth.

The 1024-channel stack costs about 200 M multiply-adds per image, so the full run behind the
outputs below trains each scale for 4 short epochs of 4,000 images and evaluates on 2,000 test
images: under an hour on a 2-core CPU. That is the start of training, which is where the
paper saw unscaled networks die.
"""),
    code(LOAD),
    code(RUN),
    code("""
// Quick mode (CI) keeps the structure but not the width: 256 channels, three blocks.
fun resnet(scale: Double, width: Int = if (quick) 256 else 1024, blocks: Int = if (quick) 3 else 4): Network = network("inception-resnet, scale $scale") {
    input(1, 28)
    block("stem") { conv(32, 3); conv(64, 3, stride = 2, padding = pad(1)); conv(width, 1) }
    for (i in 1..blocks) {
        residual(scale = scale, name = "block$i") {
            branch { conv(32, 1) }
            branch { conv(32, 1); conv(32, 3) }
            branch { conv(32, 1); conv(48, 3); conv(64, 3) }
        }
    }
    globalAvgPool(); dense(10, name = "logits")
}
val scales = if (quick) listOf(1.0, 0.2) else listOf(1.0, 0.2, 0.1)
resnet(0.2)
"""),
    code("""
val runs = linkedMapOf<String, History>()
val stats = linkedMapOf<String, List<StageStatistics>>()
for (s in scales) {
    // 4 epochs of 4,000 images in the full run: the 1024-channel stack costs ~200 M multiply-adds per image.
    val config = base(4).withClipNorm(0.0).withLimits(if (quick) 1_000 else 4_000, if (quick) 500 else 2_000)
    Trainer(resnet(s), config, engine).use { t ->
        t.listen(progress("scale $s"))
        stats["scale $s, at initialisation"] = t.stageStatistics(train, test, 64)
        try {
            runs["scale $s"] = History("scale $s", t.fit(train, test, null, false))
            stats["scale $s, trained"] = t.stageStatistics(train, test, 64)
        } catch (e: TrainingDiverged) {
            // A dead run is the outcome the paper describes, not a failure of the notebook.
            println("scale %.1f: diverged: %s".format(s, e.message))
        }
    }
    runs["scale $s"]?.let { println("scale %.1f: top-1 %.2f%%, final train loss %.4f".format(s, 100 * it.last().test().top1(), it.last().trainLoss())) }
}
"""),
    code("""
Charts.compare(runs, "train_loss", "training loss per epoch (gradient clipping off, to show the raw behaviour)")
"""),
    md("""
The standard deviation of each stage's output on 64 test images. With s = 1.0 every block adds a
residual as large as its input; scaled residuals keep the stack's activations nearly level.
"""),
    code("""
for ((name, list) in stats) {
    println("%-28s ".format(name) + list.joinToString("  ") { "%s %.2f".format(it.stage(), it.std()) })
}
"""),
    code("""
val initial = stats.filterKeys { it.endsWith("initialisation") }
Charts.bars("activation std after the last block, at initialisation", initial.keys.toList(), initial.values.map { it[it.size - 3].std() }, "std")
"""),
    md("""
## What the full run shows

In the committed full run (4 epochs of 4,000 images per scale) no run produced a NaN, but the
unscaled stack trained far worse: 44.8% top-1 and a final training loss of 1.74 at s = 1.0,
against 71.5% and 1.33 at s = 0.2 and 68.4% and 1.40 at s = 0.1. The statistics explain why: at
initialisation the unscaled stack's activations grow block by block (std 0.90, 1.13, 1.71, 2.48,
logits 3.74), while the scaled stacks stay level at about 0.62 through all four blocks. The
paper's networks were deeper and trained for longer, where this growth ends in dead units;
here it shows as much slower early training.
"""),
])

write("06-auxiliary-classifiers.ipynb", [
    md("""
# 6. Auxiliary classifiers

GoogLeNet attached two small classifiers to intermediate layers and added their losses (weight
0.3) to push gradient into the lower layers. The v3 paper found they do not speed up early
training but act as a regulariser near the end, and that batch-normalising the auxiliary head's
fully connected layer (the "BN-auxiliary") adds 0.4% top-1. The heads exist in training only:
inference returns the main classifier alone. Here `inception-mini` is trained without an aux
head, with one (weight 0.4, on the 7x7 B block), and with the BN-auxiliary.

The full run behind the outputs below trains each variant for 4 epochs on 15,000 training images
and evaluates on all 10,000 test images: about half an hour on a 2-core CPU. Differences of a few
tenths of a percent at this length are within the run-to-run noise, so read them as a method to
repeat with longer runs rather than as a verdict.
"""),
    code(LOAD),
    code(RUN),
    code("""
val variants = linkedMapOf(
    "no aux" to Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, false, true)),
    "aux" to Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, true, false)),
    "BN-aux" to Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, true, true)),
)
variants["BN-aux"]
"""),
    code("""
val runs = linkedMapOf<String, History>()
for ((name, net) in variants) {
    // 15,000 images x 4 epochs per variant in the full run.
    runs[name] = trainRun(name, net, base(4).withLimits(if (quick) 2_000 else 15_000, if (quick) 500 else 10_000))
    val e = runs[name]!!.last().test()
    println("%-7s top-1 %.2f%%, test loss %.4f, %,d parameters in training, %,d at inference".format(name, 100 * e.top1(), e.loss(),
        net.analyze(includeAux = true).params(), net.analyze(includeAux = false).params()))
}
"""),
    code("""
Charts.compare(runs, "test_top1", "test accuracy per epoch")
"""),
    code("""
Charts.compare(runs, "train_loss", "training objective per epoch (the aux runs include the weighted aux loss)")
"""),
    md("""
## What the full run shows

In the committed full run (4 epochs of 15,000 images per variant) the aux head gave 87.17% top-1
against 86.64% without it, and the BN-auxiliary 86.80%, with test losses of 0.405, 0.415 and
0.405. The heads add 156,170 (aux) and 156,938 (BN-aux) parameters in training and none at
inference. A gap of half a point between single runs this short is within their noise, so this
does not confirm or refute the paper's +0.4% for the BN-auxiliary; the v3 paper's own finding is
that the heads matter near the end of long training, which is where to look with more epochs.
"""),
])

write("07-runs.ipynb", [
    md("""
# 7. Runs you can reopen

Every training run can live in a folder of its own: what was trained (the description), how (the
recipe) and on what (the data) in `run.json`, and its checkpoint with the figures of every epoch.
`Run` reopens such a folder from Kotlin, Java or the command line (`incept eval DIR`, `incept train
--resume DIR`), so a notebook can list the runs in a folder, reopen one, evaluate it and compare
two, without keeping anything in memory between sessions.
"""),
    code(LOAD),
    md("""
## Two runs, one setting apart

inception-mini on Fashion-MNIST, with and without label smoothing. Each run is made with
`Run.create`, which writes its `run.json`, and trained by its own `trainer`, which writes the
checkpoint after every epoch.
"""),
    code("""
val root = java.nio.file.Files.createTempDirectory("incept-runs")
val net = Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, false, true))
val base = TrainConfig.paper().toBuilder()
    .epochs(if (quick) 1 else 3).batchSize(128)
    .learningRate(LearningRate.exponential(0.045, 0.7, 1.0)).emaDecay(0.0)
    .trainLimit(if (quick) 1_000 else 12_000).testLimit(if (quick) 500 else 2_000)
    .build()
val settings = mapOf("smoothing-0.1" to 0.1, "smoothing-0" to 0.0)
for ((name, eps) in settings) {
    val spec = RunSpec(net, "inception-mini", base.toBuilder().labelSmoothing(eps).build(),
        DataSpec("fashion-mnist", null), "mxnet", "cpu")
    val run = Run.create(root.resolve(name), spec)
    val data = spec.data().open()
    val id = "$name ${System.nanoTime()}"
    run.trainer(null, null).use {
        it.listen(LiveProgress({ DISPLAY(it, id) }, { UPDATE_DISPLAY(it, id) }, name))
        it.fit(data.train(), data.test(), run.checkpoint())
    }
}
"""),
    md("""
## List them, later

`Run.list` finds every run folder under a parent and reads what each recorded; nothing from the
cell above is needed.
"""),
    code("""
val runs = Run.list(root)
runs.joinToString("\\n") { r ->
    val last = r.history().last()
    "%-14s label smoothing %.1f: %d epochs, test top-1 %.2f%%, ECE %.3f".format(
        r.dir().fileName, r.spec().config().labelSmoothing(), r.history().size, 100 * last.test().top1(), last.test().ece())
}
"""),
    md("""
## Reopen one and evaluate it

`Run.open` reads the folder again; `evaluate` rebuilds the network from its description, restores
the checkpoint and scores the test set on the run's own data, engine and device, here also with
the mirrored view averaged in (which lowers accuracy here: these runs trained without flips).
"""),
    code("""
val reopened = Run.open(root.resolve("smoothing-0.1"))
val single = reopened.evaluate(EvalOptions.SINGLE_VIEW)
val mirrored = reopened.evaluate(EvalOptions.MIRRORED)
"single view: %.2f%%, with its mirror: %.2f%% (%d test images)".format(100 * single.top1(), 100 * mirrored.top1(), single.count())
"""),
    md("""
## Compare two

Their test accuracy per epoch and their calibration. In the committed full run (3 epochs on 12,000
images) smoothing gave 87.25% against 82.85% without it, and an ECE of 0.079 against 0.046: a run
this short is not yet over-confident, so smoothing makes it under-confident, as in notebook 03.
"""),
    code("""
Charts.compare(runs.associate { it.dir().fileName.toString() to History(it.dir().fileName.toString(), it.history()) }, "test_top1", "test accuracy per epoch")
"""),
    code("""
Charts.reliability(runs.associate { it.dir().fileName.toString() to it.evaluate(EvalOptions.SINGLE_VIEW) })
"""),
])

write("08-ablation-chain.ipynb", [
    md("""
# 8. The v2 -> v3 ablation chain, as a sweep

The Inception-v3 paper's central table (Szegedy et al. 2016, "Rethinking the Inception
Architecture", Table 3) is a chain: it starts from Inception-v2 and adds one change at a time,
each on top of the ones before, and the last row is Inception-v3. Its single-crop top-1 errors on
ImageNet:

| step | change | top-1 error |
|---|---|---|
| 1 | Inception-v2 | 23.4% |
| 2 | + RMSProp (instead of momentum SGD) | 23.1% |
| 3 | + label smoothing (eps 0.1) | 22.8% |
| 4 | + factorized 7x7 (the stem's first 7x7 convolution as a sequence of 3x3 ones) | 21.6% |
| 5 | + BN-auxiliary (batch norm in the auxiliary classifier's fully connected layer) = Inception-v3 | 21.2% |

Here the same chain runs at small scale on Fashion-MNIST: a v2-style network with inception-mini's
blocks behind an unfactorized 7x7 stem and a plain auxiliary head, then each change added. Every
step trains with three seeds, so that each step's gain can be set against the spread between
seeds. The fifteen runs are one *sweep* (incept-sweep) on Apache Spark's embedded local mode; the
same sweep runs unchanged on a Spark cluster (`--master spark://HOST:PORT` from the command line).

Two of the changes are in the description (the stem, the aux head's batch norm), two in the
recipe (the optimizer, smoothing): `incept diff` shows the first kind, the sweep's settings the
second. The full run behind the outputs trains each run for 3 epochs on 10,000 images and tests
on 5,000: runs this short measure how fast each variant learns more than where it ends up.
"""),
    code(SWEEP_LOAD),
    md("""
## The descriptions

One function gives every step's network: inception-mini's Inception blocks (the 35x35-style,
the grid reduction, the 17x17-style with 1x7 and 7x1, the expanded 8x8-style) on Fashion-MNIST's
14x14 and 7x7 grids, a v3-style auxiliary head after `mixed3`, and two switches for the two
changes in the description.
"""),
    code("""
fun chainNet(name: String, factorized7x7: Boolean, auxBatchNorm: Boolean): Network = network(name) {
    input(1, 28)
    if (factorized7x7) block("stem") { conv(32, 3, stride = 2); conv(32, 3); conv(64, 3) }
    else block("stem") { conv(64, 7, stride = 2) }
    +InceptionMini.blockA("mixed0"); +InceptionMini.blockA("mixed1")
    +InceptionMini.reductionA("mixed2")
    +InceptionMini.blockB("mixed3"); +InceptionMini.blockC("mixed4")
    globalAvgPool(); dropout(0.3); dense(10, name = "logits")
    aux("aux", after = "mixed3", lossWeight = 0.4) {
        avgPool(5, stride = 3); conv(128, 1, name = "proj")
        conv(768, 1, padding = VALID, batchNorm = auxBatchNorm, name = "fc")
        globalAvgPool(); dense(10, name = "logits")
    }
}
val v2 = chainNet("v2-7x7-stem", factorized7x7 = false, auxBatchNorm = false)
val factorized = chainNet("v2-factorized-7x7", factorized7x7 = true, auxBatchNorm = false)
val v3 = chainNet("v3-bn-aux", factorized7x7 = true, auxBatchNorm = true)
for (n in listOf(v2, factorized, v3)) {
    val a = n.analyze(includeAux = false)
    println("%-18s %,9d parameters, %5.1f M multiply-adds (without the aux head)".format(n.name(), a.params(), a.macs() / 1e6))
}
"""),
    md("""
Between consecutive steps, what changes in the description: each step against the one before as
its reference (`next.diff(previous)` prints what `incept diff NEXT PREVIOUS` prints; + is what the
new step adds):
"""),
    code("""
println("step 4 (+ factorized 7x7) against step 3\\n" + factorized.diff(v2, depth = 1))
println("step 5 (+ BN-auxiliary) against step 4\\n" + v3.diff(factorized, depth = 1))
println("steps 2 and 3 change the recipe only: " + v2.diff(v2).lines().last { it.isNotBlank() })
"""),
    md("""
## The sweep

Each step is a named variant: a description file and the recipe settings (named as `incept train`
names its options) that differ from the base. Step 1 trains with momentum SGD at a constant 0.05
(`--recipe plain`); from step 2 on, the paper's recipe: RMSProp (decay 0.9, epsilon 1.0,
momentum 0.9), learning rate 0.045 x 0.94 every 2 epochs, gradient clipping at global norm 2.0.
The paper's moving average of the weights (decay 0.9999) is off in every step: over 240 steps it
would still be mostly the initial weights. Every step trains its auxiliary head (weight 0.4).

Running the notebook again reads finished points back from the sweep's folder and resumes an
interrupted one from its checkpoint. The outputs below come from such a second execution: the
first trained all fifteen points in 30 minutes on a 2-core CPU, and the figures are those runs'.
"""),
    code("""
val folder = sweepFolder("08-ablation-chain")
java.nio.file.Files.createDirectories(folder)
val files = listOf(v2, factorized, v3).associate { n -> n.name() to folder.resolve(n.name() + ".json").also { dev.incept.json.SpecJson.write(n, it) } }
val steps = listOf("1-v2", "2-rmsprop", "3-label-smoothing", "4-factorized-7x7", "5-bn-aux")
val chain = sweep("ablation-chain") {
    base("data" to "fashion-mnist", "epochs" to (if (quick) 1 else 3), "batch" to 128,
         "train-limit" to (if (quick) 600 else 10_000), "test-limit" to (if (quick) 200 else 5_000),
         "aux" to true, "recipe" to "paper", "label-smoothing" to 0, "ema" to 0)
    variant(steps[0], "spec" to files["v2-7x7-stem"]!!, "recipe" to "plain")
    variant(steps[1], "spec" to files["v2-7x7-stem"]!!)
    variant(steps[2], "spec" to files["v2-7x7-stem"]!!, "label-smoothing" to 0.1)
    variant(steps[3], "spec" to files["v2-factorized-7x7"]!!, "label-smoothing" to 0.1)
    variant(steps[4], "spec" to files["v3-bn-aux"]!!, "label-smoothing" to 0.1)
    grid("variant", *steps.toTypedArray())
    grid("seed", *(if (quick) arrayOf(1) else arrayOf(1, 2, 3)))
}
val results = Sweep.run(chain, "local[1]", folder, mapOf(), LiveLine({ DISPLAY(it, "sweep") }, { UPDATE_DISPLAY(it, "sweep") }))
Results.table(results)
"""),
    md("""
## Beside the paper

Each step's change (the recipe's in words, the description's from the diff above: the top-level
blocks that differ, with their parameters and multiply-adds against the step before), its mean
top-1 over the seeds and their spread (sample standard deviation), its gain over the step before,
calibration (mean ECE) and cost (parameters and multiply-adds without the aux head, which only
training runs; images per second while training), beside the paper's top-1 (100 minus its error)
and gain.
"""),
    code("""
val paperTop1 = listOf(76.6, 76.9, 77.2, 78.4, 78.8)
val byStep = steps.map { s -> results.filter { it.settings()["variant"] == s && !it.failed() } }
// what each step changes: the recipe in words, the description by its diff against the step before
val nets = listOf(v2, v2, v2, factorized, v3)
val recipeChange = listOf("-", "recipe: momentum SGD -> RMSProp", "recipe: label smoothing 0 -> 0.1", "", "")
val change = steps.indices.map { i ->
    val d = if (i == 0) null else dev.incept.diff.ArchitectureDiff.of(nets[i].analyze(), nets[i - 1].analyze())
    if (d == null || d.same()) recipeChange[i]
    else d.differences().filter { it.depth() == 0 }.joinToString { "%s %+,d params %+.1fM MACs".format(it.path(), it.deltaParams(), it.deltaMacs() / 1e6) }
}
fun mean(xs: List<Double>) = xs.average()
fun sd(xs: List<Double>) = if (xs.size < 2) 0.0 else Math.sqrt(xs.sumOf { (it - mean(xs)) * (it - mean(xs)) } / (xs.size - 1))
val ourTop1 = byStep.map { rs -> mean(rs.map { 100 * it.top1() }) }
val table = StringBuilder("%-18s %-36s %7s %6s   %16s %6s %7s %9s %7s %9s\\n".format(
    "step", "change", "paper", "gain", "ours (mean, sd)", "gain", "ECE", "params", "M MACs", "images/s"))
for ((i, s) in steps.withIndex()) {
    val rs = byStep[i]
    table.append("%-18s %-36s %6.1f%% %+6.1f   %7.2f%% +- %4.2f %+6.2f %7.4f %,9d %7.1f %9.0f\\n".format(s, change[i],
        paperTop1[i], if (i == 0) 0.0 else paperTop1[i] - paperTop1[i - 1],
        ourTop1[i], sd(rs.map { 100 * it.top1() }), if (i == 0) 0.0 else ourTop1[i] - ourTop1[i - 1],
        mean(rs.map { it.ece() }), rs.first().params(), rs.first().macs() / 1e6, mean(rs.map { it.imagesPerSecond() })))
}
table.toString()
"""),
    code("""
Charts.bars("top-1 (%): ours, Fashion-MNIST, mean of the seeds", steps, ourTop1, "top-1 %")
"""),
    code("""
Charts.bars("top-1 (%): Inception-v3 paper, Table 3 (ImageNet)", steps, paperTop1, "top-1 %")
"""),
    code("""
val histories = steps.associateWith { s -> History(s, Run.open(Sweep.runFolder(folder, byStep[steps.indexOf(s)].first())).history()) }
Charts.compare(histories, "test_top1", "test accuracy per epoch (seed 1 of each step)")
"""),
    md(ABLATION_FINDINGS),
])

write("09-lineage.ipynb", [
    md("""
# 9. From Inception to Xception to InceptionNeXt

An Inception block splits its input into a few towers: some 1x1 convolutions that mix channels,
some that then look at a 3x3 or 5x5 neighbourhood. Chollet's Xception (CVPR 2017) takes the idea
to its end: as many towers as channels, so that cross-channel correlations (a 1x1 convolution)
and spatial correlations (one 3x3 filter per channel, a *depthwise* convolution) are mapped
completely separately. Yu et al.'s InceptionNeXt (CVPR 2024) comes back part of the way: it
splits the *channels* into four groups, passes one through untouched and gives the others a
depthwise 3x3, a 1x11 and an 11x1 band, then mixes channels in a 1x1 MLP with GELU, layer
norm's cousin batch norm, and a learned layer scale.

This notebook builds one block of each on the same 35x35 grid of 256 channels, counts what each
costs, diffs them, and trains the zoo's three minis (about 63-66 M multiply-adds each) on
Fashion-MNIST with each family's recipe.
"""),
    code(LOAD),
    md("""
## Three blocks on one grid

Each block comes from the zoo's own definitions, so what is shown is what the zoo's full
networks are made of. Displaying a network shows its summary beside its diagram.
"""),
    code("""
fun onGrid(name: String, block: Layer) = network(name) { input(256, 35); +block }
val v3 = onGrid("inception-v3 block", InceptionV3.blockA("mixed", 64))
v3
"""),
    md("""
Xception's middle-flow block: three times ReLU, a separable 3x3 (depthwise then 1x1) and batch
norm, added to its input with no ReLU after the sum.
"""),
    code("""
val xc = onGrid("xception block", Xception.middle(256))
xc
"""),
    md("""
InceptionNeXt's MetaNeXt block: the Inception token mixer on channel slices (3/4 of the
channels pass through, 1/16 each go to the 3x3, 1x11 and 11x1 depthwise convolutions), batch
norm, a 1x1 MLP four times wider with GELU, layer scale, and the sum, again with no activation.
"""),
    code("""
val nx = onGrid("inception-next block", InceptionNext.metaNextBlock(256, 4, 11))
nx
"""),
    md("""
## What each costs

Parameters and multiply-adds per image, from the analysis; and the same figures for one plain
3x3 convolution against its depthwise separable form, the trade Xception makes everywhere.
"""),
    code("""
fun costs(n: Network) = n.analyze().let { "%-24s %,10d params %8.1f M multiply-adds  out %s".format(n.name(), it.params(), it.macs() / 1e6, it.output()) }
listOf(v3, xc, nx, onGrid("conv 3x3", Layers.conv(256, 3)), onGrid("separable 3x3", Layers.separable(256, 3))).forEach { println(costs(it)) }
"""),
    md("""
## The diffs

`a.diff(b)` prints what `incept diff` prints: the blocks that differ, with their parameters and
multiply-adds against the reference, and what changed in words.
"""),
    code("""
println(xc.diff(v3))
println(nx.diff(xc))
"""),
    md("""
## A fourth descendant: squeeze-and-excitation

SENet's SE-Inception puts a gate after each Inception block: every channel is multiplied by a
number in (0, 1) computed from the whole grid's mean of every channel, through a bottleneck 16
times narrower. It adds few parameters and almost no multiply-adds.
"""),
    code("""
val se = network("se-inception block") { input(256, 35); +InceptionV3.blockA("mixed", 64); squeezeExcite() }
println(costs(se))
println(se.diff(v3))
"""),
    md("""
## Training at equal cost

The zoo's minis are each family's network shrunk to Fashion-MNIST's 28x28 at about the
multiply-adds of `inception-mini`. Each trains with its family's recipe: the Inception-v3
paper's RMSProp for inception-mini and xception-mini (Keras's Glorot initialisation for the
latter, as Keras's Xception starts), and Adam at 1e-3 decayed by 0.7 per epoch with timm's
truncated-normal initialisation for inception-next-mini (InceptionNeXt was trained with AdamW;
RMSProp at 0.045 trains it markedly worse). The full run uses 15,000 training images for two
epochs and the whole test set; quick mode (CI) 2,000 images for one epoch.
"""),
    code("""
val train = FashionMnist.load(Split.TRAIN)
val test = FashionMnist.load(Split.TEST)
val engine = Engines.load(EngineChoice.MXNET)
val fashion = ModelConfig(10, 1, 28, false, true)
fun recipe(adam: Boolean): TrainConfig {
    val paper = TrainConfig.paper().withBatchSize(128).withEpochs(if (quick) 1 else 2).withAugment(Augment(2, true))
        .withLimits(if (quick) 2_000 else 15_000, if (quick) 500 else Int.MAX_VALUE)
    return if (!adam) paper else paper.withOptimizer(OptimizerSpec.adam(0.0)).withLearningRate(LearningRate.exponential(0.001, 0.7, 1.0))
}
val minis = listOf("inception-mini" to false, "xception-mini" to false, "inception-next-mini" to true)
val runs = linkedMapOf<String, History>()
val macs = linkedMapOf<String, Double>()
for ((name, adam) in minis) {
    val net = Zoo.get(name).build(fashion)
    macs[name] = net.analyze().macs() / 1e6
    val id = "$name ${System.nanoTime()}"
    Trainer(net, recipe(adam), engine).use { t ->
        t.listen(LiveProgress({ DISPLAY(it, id) }, { UPDATE_DISPLAY(it, id) }, name))
        runs[name] = History(name, t.fit(train, test, null, false))
    }
    println("%-20s %5.1f M multiply-adds  top-1 %.2f%%".format(name, macs[name], 100 * runs[name]!!.last().test().top1()))
}
"""),
    code("""
Charts.compare(runs, "test_top1", "test accuracy per epoch, three families at equal multiply-adds")
"""),
    code("""
Charts.bars("top-1 (%) after training", runs.keys.toList(), runs.values.map { 100 * it.last().test().top1() }, "top-1 %")
"""),
    md("""
## What the full run shows

In the committed full run (2 epochs of 15,000 images, all 10,000 test images, MXNet on a 2-core
CPU) the three minis reach 84.06% (inception-mini), 85.50% (xception-mini) and 81.30%
(inception-next-mini), the same figures as `incept train` with the same settings, since both
start from the same seed. At equal multiply-adds Xception's fully separated convolutions do
as well as Inception's towers or better on this small task. InceptionNeXt trails: its design
(layer scale, GELU MLPs, AdamW over 300 epochs) targets long ImageNet training, and its
depthwise band convolutions are the CPU's slowest kind of work (see `incept bench`).
"""),
])
