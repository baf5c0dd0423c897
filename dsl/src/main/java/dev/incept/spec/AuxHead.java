package dev.incept.spec;

import java.util.List;

/**
 * An auxiliary classifier that reads the output of the block at path {@code after}. It exists in
 * training only; its loss is added with {@code lossWeight} (0.3 in GoogLeNet, 0.4 in TF-slim's v3).
 */
public record AuxHead(String name, String after, List<Layer> layers, double lossWeight) {
    public AuxHead {
        name = Naming.orEmpty(name);
        if (after == null) {
            throw new SpecException(Naming.auxPath(name), "aux head needs the path of the block it follows");
        }
        layers = Naming.copyOf(layers, Naming.auxPath(name), "layers");
    }
}
