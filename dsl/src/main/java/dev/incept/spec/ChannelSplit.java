package dev.incept.spec;

import java.util.List;

/**
 * Branches side by side that each take their own slice of the input's channels, in order, and
 * are concatenated on channels again: InceptionNeXt's token mixer (an identity slice, then a
 * depthwise 3x3, a 1x11 and an 11x1 slice). The slices must add up to the input's channels.
 */
public record ChannelSplit(String name, List<Integer> sizes, List<Layer> branches) implements Layer {
    public ChannelSplit {
        name = Naming.orEmpty(name);
        sizes = Naming.copyOf(sizes, name, "split sizes");
        branches = Naming.copyOf(branches, name, "split branches");
    }

    public ChannelSplit named(String name) {
        return new ChannelSplit(name, sizes, branches);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.split(this);
    }
}
