package dev.incept.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One parameter tensor of a layer: its role and its shape in PyTorch's layout (out x in x kh x kw
 * for a convolution, out x in for a dense layer, one value per channel for the rest). A layer
 * lists its parameters in the order its compiled block holds them.
 */
public record Parameter(ParameterRole role, List<Long> dims) {
    public Parameter {
        dims = List.copyOf(dims);
    }

    static Parameter of(ParameterRole role, long... dims) {
        return new Parameter(role, Arrays.stream(dims).boxed().toList());
    }

    /** One value per output channel for each role. */
    static List<Parameter> perChannel(Placed at, ParameterRole... roles) {
        List<Parameter> out = new ArrayList<>();
        for (ParameterRole r : roles) {
            out.add(of(r, at.output().channels()));
        }
        return out;
    }

    /** A convolution's weights, then its bias and its batch norm over the output channels. */
    static List<Parameter> unit(Placed at, List<Parameter> weights, boolean bias, boolean batchNorm) {
        List<Parameter> out = new ArrayList<>(weights);
        if (bias) {
            out.addAll(perChannel(at, ParameterRole.CONV_BIAS));
        }
        if (batchNorm) {
            out.addAll(perChannel(at, ParameterRole.BN_SCALE, ParameterRole.BN_SHIFT, ParameterRole.BN_MEAN, ParameterRole.BN_VARIANCE));
        }
        return out;
    }

    public long[] shape() {
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
