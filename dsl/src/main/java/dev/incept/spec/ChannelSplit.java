package dev.incept.spec;

import java.util.List;

/**
 * Branches side by side that each take their own slice of the input's channels, in order, and
 * are concatenated on channels again: InceptionNeXt's token mixer (an identity slice, then a
 * depthwise 3x3, a 1x11 and an 11x1 slice). The slices must add up to the input's channels.
 */
public record ChannelSplit(String name, List<Integer> sizes, List<Layer> branches) implements Layer {

    public static final LayerType<ChannelSplit> TYPE = LayerType.of("split", ChannelSplit.class, List.of("sizes", "branches"),
            (in, name) -> new ChannelSplit(name, in.intList("sizes"), in.layers("branches")), (s, out) -> {
                out.ints("sizes", s.sizes());
                out.layers("branches", s.branches());
            });

    public ChannelSplit {
        name = Naming.orEmpty(name);
        sizes = Naming.copyOf(sizes, name, "split sizes");
        branches = Naming.copyOf(branches, name, "split branches");
    }

    public ChannelSplit named(String name) {
        return new ChannelSplit(name, sizes, branches);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.split(at, this);
    }

    @Override
    public List<Layer> children() {
        return branches;
    }

    @Override
    public String defaultName() {
        return "split";
    }

    @Override
    public LayerLabel label(Placed at) {
        return new LayerLabel("split " + sizes, name.isEmpty() ? "split" : name + ": split",
                "channel split " + sizes + " into " + at.children().size() + " branches (" + at.output().channels() + " channels)");
    }
}
