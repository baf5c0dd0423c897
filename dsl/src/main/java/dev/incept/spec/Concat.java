package dev.incept.spec;

import java.util.List;

/**
 * Branches applied to the same input, their outputs concatenated on channels. A branch may itself
 * end in a Concat, which is how v3's {1x3, 3x1} split is written.
 */
public record Concat(String name, List<Layer> branches) implements Layer {
    public Concat {
        name = Naming.orEmpty(name);
        branches = Naming.copyOf(branches, name, "branches");
    }

    public Concat named(String name) {
        return new Concat(name, branches);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.concat(this);
    }
}
