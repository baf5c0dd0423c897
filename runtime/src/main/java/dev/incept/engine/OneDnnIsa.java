package dev.incept.engine;

/**
 * Keeps the oneDNN inside DJL's libtorch 2.7.1 on its AVX kernels on the CPU, because its AVX2
 * and AVX-512 kernels compute some channels-last convolutions wrongly (on this project's AMD EPYC):
 * with AVX-512, a 1x1 convolution from 64 to 80 channels on a grid of 40x40 or more (Inception-v3's
 * stem); with AVX2, a 3x3 convolution from 96 to 208 channels fed by another convolution (GoogLeNet's
 * block 4a), though the same convolution fed a fresh input is right. Values land far from the
 * definition, so a network computes something other than its description; torchvision's weights
 * gave other logits than torchvision's. Both wrong kernels are oneDNN's brgemm convolutions
 * (brgconv_1x1:avx512_core and brg_conv_fwd:avx2, as ONEDNN_VERBOSE names them); below AVX2 oneDNN has
 * none and runs its older direct kernels (jit:avx, jit_1x1:avx). With AVX, as with SSE4.1 before it,
 * every case equals the definition and torchvision (ConvolutionDefinitionTest, TorchvisionReferenceTest,
 * scripts/check/weights), and Inception-v3's training step runs about twice as fast as with SSE4.1
 * (bench/DECISIONS.md#onednn-avx). oneDNN reads ONEDNN_MAX_CPU_ISA once, before its first kernel, so it
 * is set in this process's environment (libc setenv) before the engine loads; a value the user set
 * is left alone. MXNet carries its own oneDNN, which is right, and keeps every ISA.
 */
final class OneDnnIsa {
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** The widest instruction set whose kernels were right in every check. */
    static final String CAP = "AVX";

    private OneDnnIsa() {
    }

    /** Sets ONEDNN_MAX_CPU_ISA to {@link #CAP} unless it (or the older DNNL_MAX_CPU_ISA) is set; returns the value in effect. */
    static String capToCorrectKernels() {
        String old = System.getenv("DNNL_MAX_CPU_ISA");
        return old != null && !old.isBlank() ? old : ProcessEnvironment.setUnlessSet(VARIABLE, CAP);
    }
}
