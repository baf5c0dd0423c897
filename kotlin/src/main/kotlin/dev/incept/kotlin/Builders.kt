package dev.incept.kotlin

import dev.incept.analysis.Analysis
import dev.incept.analysis.Analyzer
import dev.incept.analysis.Convention
import dev.incept.analysis.SummaryTable
import dev.incept.diff.ArchitectureDiff
import dev.incept.diff.DiffReport
import dev.incept.spec.Activation
import dev.incept.spec.ActivationKind
import dev.incept.spec.BatchNorm
import dev.incept.spec.Flatten
import dev.incept.spec.LayerNorm
import dev.incept.spec.LayerScale
import dev.incept.spec.SqueezeExcite
import dev.incept.spec.WeightInit
import dev.incept.spec.Lrn
import dev.incept.spec.ChannelSplit
import dev.incept.spec.AuxHead
import dev.incept.spec.Concat
import dev.incept.spec.Conv
import dev.incept.spec.Dense
import dev.incept.spec.DepthwiseConv
import dev.incept.spec.SeparableConv
import dev.incept.spec.Dropout
import dev.incept.spec.AdaptiveAvgPool
import dev.incept.spec.GlobalPool
import dev.incept.spec.GroupNorm
import dev.incept.spec.Layer
import dev.incept.spec.Network
import dev.incept.spec.Padding
import dev.incept.spec.Pool
import dev.incept.spec.PoolKind
import dev.incept.spec.Repeat
import dev.incept.spec.Residual
import dev.incept.spec.Sequence
import dev.incept.spec.FeatureShape

/** Keeps an outer builder's functions out of an inner block, as kotlinx.html does. */
@DslMarker
annotation class InceptDsl

/** A kernel or stride of height x width, written `1 x 7`. */
data class Size(val height: Int, val width: Int)

infix fun Int.x(width: Int): Size = Size(this, width)

val SAME: Padding = Padding.SAME
val VALID: Padding = Padding.VALID
fun pad(height: Int, width: Int = height): Padding = Padding.explicit(height, width)

val RELU: ActivationKind = ActivationKind.RELU
val HE_NORMAL: WeightInit = WeightInit.HE_NORMAL
val GLOROT_UNIFORM: WeightInit = WeightInit.GLOROT_UNIFORM
val TRUNC_NORMAL: WeightInit = WeightInit.TRUNC_NORMAL
val RELU6: ActivationKind = ActivationKind.RELU6
val GELU: ActivationKind = ActivationKind.GELU
val GELU_TANH: ActivationKind = ActivationKind.GELU_TANH
val SILU: ActivationKind = ActivationKind.SILU
val SIGMOID: ActivationKind = ActivationKind.SIGMOID
val TANH: ActivationKind = ActivationKind.TANH
val HARD_SWISH: ActivationKind = ActivationKind.HARD_SWISH
val LINEAR: ActivationKind = ActivationKind.LINEAR
val SOFTMAX: ActivationKind = ActivationKind.SOFTMAX

/**
 * Layers in order: the receiver of `network { }`, `block { }`, `branch { }` and `repeat { }`.
 *
 * Every function adds its layer and returns `Unit`, as kotlinx.html's do: were it to return the
 * layer, `conv(32, 3).stride(2)` would compile, add the unstrided convolution and drop the strided
 * copy. Options go in the arguments (`conv(32, 3, stride = 2)`); a layer made elsewhere is added
 * with `+layer`.
 */
@InceptDsl
open class LayersBuilder internal constructor() {
    internal val layers = mutableListOf<Layer>()

    fun add(layer: Layer) {
        layers += layer
    }

    /** Adds a layer built elsewhere, e.g. `+InceptionV3.blockA("mixed0", 32)`. */
    operator fun Layer.unaryPlus() {
        add(this)
    }

    /** A convolution; [dilation] spreads its taps (a k-tap window spans dilation x (k - 1) + 1 pixels). */
    fun conv(
        filters: Int, kernel: Int, stride: Int = 1, padding: Padding = SAME, batchNorm: Boolean = true,
        activation: ActivationKind = RELU, bias: Boolean = !batchNorm, groups: Int = 1, name: String = "", dilation: Int = 1,
    ) = conv(filters, kernel x kernel, stride x stride, padding, batchNorm, activation, bias, groups, name, dilation x dilation)

    fun conv(
        filters: Int, kernel: Size, stride: Size = 1 x 1, padding: Padding = SAME, batchNorm: Boolean = true,
        activation: ActivationKind = RELU, bias: Boolean = !batchNorm, groups: Int = 1, name: String = "", dilation: Size = 1 x 1,
    ) = add(Conv(name, filters, kernel.height, kernel.width, stride.height, stride.width, padding, batchNorm, activation, bias, groups,
        dilation.height, dilation.width))

    /** Keras's DepthwiseConv2D: each input channel on its own, into [multiplier] channels. */
    fun depthwise(
        kernel: Size, stride: Int = 1, padding: Padding = SAME, multiplier: Int = 1, batchNorm: Boolean = false,
        activation: ActivationKind = LINEAR, bias: Boolean = !batchNorm, name: String = "", dilation: Int = 1,
    ) = add(DepthwiseConv(name, kernel.height, kernel.width, stride, stride, padding, multiplier, batchNorm, activation, bias, dilation, dilation))

    fun depthwise(
        kernel: Int, stride: Int = 1, padding: Padding = SAME, multiplier: Int = 1, batchNorm: Boolean = false,
        activation: ActivationKind = LINEAR, bias: Boolean = !batchNorm, name: String = "", dilation: Int = 1,
    ) = depthwise(kernel x kernel, stride, padding, multiplier, batchNorm, activation, bias, name, dilation)

    /** Keras's SeparableConv2D: depthwise [kernel] then pointwise 1x1 to [filters], one layer. */
    fun separable(
        filters: Int, kernel: Int, stride: Int = 1, padding: Padding = SAME, multiplier: Int = 1, batchNorm: Boolean = false,
        activation: ActivationKind = LINEAR, bias: Boolean = !batchNorm, name: String = "",
    ) = add(SeparableConv(name, filters, kernel, kernel, stride, stride, padding, multiplier, batchNorm, activation, bias))

    fun maxPool(size: Int, stride: Int = size, padding: Padding = VALID, ceilMode: Boolean = false, name: String = "") =
        add(Pool(name, PoolKind.MAX, size, size, stride, stride, padding, false, ceilMode))

    fun avgPool(
        size: Int, stride: Int = size, padding: Padding = VALID, countIncludePad: Boolean = false,
        ceilMode: Boolean = false, name: String = "",
    ) = add(Pool(name, PoolKind.AVG, size, size, stride, stride, padding, countIncludePad, ceilMode))

    fun globalAvgPool(name: String = "") = add(GlobalPool(name, PoolKind.AVG))

    fun globalMaxPool(name: String = "") = add(GlobalPool(name, PoolKind.MAX))

    /** Average pooling to a [height] x [width] grid whatever the input's size (PyTorch's AdaptiveAvgPool2d). */
    fun adaptiveAvgPool(height: Int, width: Int = height, name: String = "") = add(AdaptiveAvgPool(name, height, width))

    fun dropout(rate: Double, name: String = "") = add(Dropout(name, rate))

    fun dense(units: Int, bias: Boolean = true, activation: ActivationKind = LINEAR, name: String = "") =
        add(Dense(name, units, bias, activation))

    /** Batch norm on its own (Keras's BatchNormalization()), with Keras's epsilon and momentum by default. */
    fun batchNorm(epsilon: Double = BatchNorm.KERAS_EPSILON, momentum: Double = BatchNorm.KERAS_MOMENTUM, name: String = "") =
        add(BatchNorm(name, epsilon, momentum))

    /** An activation as a layer: `activation(SOFTMAX)` ends a Keras-style classifier. */
    fun activation(kind: ActivationKind, name: String = "") = add(Activation(name, kind))

    fun flatten(name: String = "") = add(Flatten(name))

    /** The input as it is: a split's or a concat's pass-through branch. */
    fun identity(name: String = "") = add(Activation(name, LINEAR))

    /** Layer norm over the channels (timm's epsilon by default). */
    fun layerNorm(epsilon: Double = 1e-6, name: String = "") = add(LayerNorm(name, epsilon))

    /** Group norm over [groups] groups of channels (PyTorch's nn.GroupNorm, its epsilon by default). */
    fun groupNorm(groups: Int, epsilon: Double = GroupNorm.TORCH_EPSILON, name: String = "") = add(GroupNorm(name, groups, epsilon))

    /** A learned per-channel scale starting at [init] (InceptionNeXt: 1e-6). */
    fun layerScale(init: Double, name: String = "") = add(LayerScale(name, init))

    /** A squeeze-and-excitation gate: channels times sigmoid of a C -> C/[reduction] -> C bottleneck on their means. */
    fun squeezeExcite(reduction: Int = SqueezeExcite.SENET_REDUCTION, activation: ActivationKind = RELU, name: String = "") =
        add(SqueezeExcite(name, reduction, activation))

    /** Branches over consecutive slices of the input's channels, one size per branch, concatenated again. */
    fun split(sizes: List<Int>, name: String = "", init: BranchesBuilder.() -> Unit) =
        add(ChannelSplit(name, sizes, BranchesBuilder().apply(init).branches))

    /** Local response normalisation across [size] channels (the GoogLeNet paper's: 5, 1e-4, 0.75, 1). */
    fun lrn(size: Int = 5, alpha: Double = 1e-4, beta: Double = 0.75, k: Double = 1.0, name: String = "") =
        add(Lrn(name, size, alpha, beta, k))

    /** A named group of layers in sequence (a stem, a head). */
    fun block(name: String, init: LayersBuilder.() -> Unit) = add(Sequence(name, LayersBuilder().apply(init).layers))

    /** Branches side by side, concatenated on channels. */
    fun concat(name: String = "", init: BranchesBuilder.() -> Unit) = add(Concat(name, BranchesBuilder().apply(init).branches))

    /**
     * x + scale * project(concat(branches)), then the activation. With `project = false` the
     * branches must keep the input width themselves.
     */
    fun residual(
        scale: Double, name: String = "", project: Boolean = true, activation: ActivationKind = RELU,
        shortcut: (LayersBuilder.() -> Unit)? = null, dropPath: Double = 0.0, init: BranchesBuilder.() -> Unit,
    ) {
        val branches = BranchesBuilder().apply(init).branches
        val body: Layer = if (branches.size == 1) branches[0] else Concat("", branches)
        add(Residual(name, body, project, scale, activation, shortcut?.let { LayersBuilder().apply(it).single("") }, dropPath))
    }

    /** `times` copies with their own weights; paths name/1 .. name/times. */
    fun repeat(times: Int, name: String = "", init: LayersBuilder.() -> Unit) =
        add(Repeat(name, times, LayersBuilder().apply(init).single("")))

    /** One layer stays itself (so paths stay short); several become a sequence. */
    internal fun single(name: String): Layer =
        if (layers.size == 1) layers[0].let { if (name.isEmpty()) it else it.named(name) } else Sequence(name, layers)
}

/** The receiver of `concat { }` and `residual { }`: one `branch { }` per parallel path. */
@InceptDsl
class BranchesBuilder internal constructor() {
    internal val branches = mutableListOf<Layer>()

    fun branch(name: String = "", init: LayersBuilder.() -> Unit) {
        branches += LayersBuilder().apply(init).single(name)
    }

    operator fun Layer.unaryPlus() {
        branches += this
    }
}

@InceptDsl
class NetworkBuilder internal constructor(private val name: String) : LayersBuilder() {
    private var inputShape: FeatureShape = FeatureShape.of(3, 224, 224)
    private val aux = mutableListOf<AuxHead>()
    private var weights: WeightInit = WeightInit.HE_NORMAL

    /** How the weights start: `weights(GLOROT_UNIFORM)` as Keras, `weights(TRUNC_NORMAL)` as timm. */
    fun weights(init: WeightInit) {
        weights = init
    }

    fun input(channels: Int, height: Int, width: Int = height) {
        inputShape = FeatureShape.of(channels, height, width)
    }

    /** An auxiliary classifier reading the output of the block at path [after], used in training only. */
    fun aux(name: String, after: String, lossWeight: Double = 0.3, init: LayersBuilder.() -> Unit) {
        aux += AuxHead(name, after, LayersBuilder().apply(init).layers, lossWeight)
    }

    internal fun build(): Network = Network(name, inputShape, layers, aux, weights)
}

fun network(name: String, init: NetworkBuilder.() -> Unit): Network = NetworkBuilder(name).apply(init).build()

/** A reusable block outside any network: `val a = concat("mixed0") { branch { conv(64, 1) } ... }`. */
fun concat(name: String = "", init: BranchesBuilder.() -> Unit): Concat = Concat(name, BranchesBuilder().apply(init).branches)

fun block(name: String, init: LayersBuilder.() -> Unit): Layer = LayersBuilder().apply(init).let { Sequence(name, it.layers) }

fun Network.analyze(convention: Convention = Convention.PYTORCH, includeAux: Boolean = true, input: FeatureShape = this.input()): Analysis =
    Analyzer.analyze(this, input, convention, includeAux)

fun Network.summary(depth: Int = 0, convention: Convention = Convention.PYTORCH, includeAux: Boolean = true): String =
    SummaryTable.render(analyze(convention, includeAux), depth)

/**
 * What `incept diff THIS REFERENCE` prints: the blocks where this network differs from [reference], down to
 * [depth] (null: all), with this network's parameters and multiply-adds minus the reference's.
 */
fun Network.diff(reference: Network, depth: Int? = null, convention: Convention = Convention.PYTORCH): String =
    DiffReport.text(ArchitectureDiff.of(analyze(convention), reference.analyze(convention)), depth)
