package dev.incept.spec;

import java.util.List;

/**
 * Branches applied to the same input, their outputs concatenated on channels. A branch may itself
 * end in a Concat, which is how v3's {1x3, 3x1} split is written.
 */
public record Concat(String name, List<Layer> branches) implements Layer {

    public static final LayerType<Concat> TYPE = LayerType.of("concat", Concat.class, List.of("branches"),
            (in, name) -> new Concat(name, in.layers("branches")), (c, out) -> out.layers("branches", c.branches()));

    public Concat {
        name = Naming.orEmpty(name);
        branches = Naming.copyOf(branches, name, "branches");
    }

    public Concat named(String name) {
        return new Concat(name, branches);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.concat(at, this);
    }

    @Override
    public List<Layer> children() {
        return branches;
    }

    @Override
    public String defaultName() {
        return "concat";
    }

    @Override
    public LayerLabel label(Placed at) {
        return new LayerLabel("concat " + branches.size() + " branches", name.isEmpty() ? "concat" : name + ": concat",
                "concatenation of " + at.children().size() + " branches (" + at.output().channels() + " channels)");
    }
}
