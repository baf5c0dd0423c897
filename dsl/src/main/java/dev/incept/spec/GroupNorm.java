package dev.incept.spec;

import java.util.List;

/**
 * Group normalization (Wu and He, 2018; PyTorch's nn.GroupNorm): the channels are cut into
 * {@code groups} groups, each example's group is normalised over its channels and its whole grid,
 * then a learned scale and shift per channel. It does not depend on the batch, so it trains alike
 * on batches of 2 and of 256; with one group it is a layer norm over channels and grid, with one
 * group per channel an instance norm. PyTorch's epsilon is 1e-5.
 */
public record GroupNorm(String name, int groups, double epsilon) implements Layer {
    public static final double TORCH_EPSILON = 1e-5;

    public static final LayerType<GroupNorm> TYPE = LayerType.of("groupnorm", GroupNorm.class, List.of("groups", "epsilon"),
            (in, name) -> new GroupNorm(name, in.requiredInt("groups"), in.optDouble("epsilon", TORCH_EPSILON)), (g, out) -> {
                out.put("groups", g.groups());
                out.put("epsilon", g.epsilon());
            });

    public GroupNorm {
        name = Naming.orEmpty(name);
    }

    public GroupNorm named(String name) {
        return new GroupNorm(name, groups, epsilon);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.groupNorm(at, this);
    }

    @Override
    public String defaultName() {
        return "groupnorm";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("groupnorm " + groups, "group norm of " + at.output().channels() + " channels in " + groups + " groups");
    }

    @Override
    public List<Parameter> parameters(Placed at) {
        return Parameter.perChannel(at, ParameterRole.NORM_SCALE, ParameterRole.NORM_SHIFT);
    }
}
