package dev.incept.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole description: a name, the default input, the main body in order, auxiliary heads, and how
 * its weights start (He's normal unless its paper's code says otherwise).
 */
public record Network(String name, FeatureShape input, List<Layer> layers, List<AuxHead> auxHeads, WeightInit init) {
    public Network {
        name = Naming.orEmpty(name);
        if (ControlCharacters.has(name)) {
            throw new SpecException("", "network name '" + name + "' holds control characters");
        }
        if (input == null) {
            throw new SpecException("", "network '" + name + "' needs an input shape");
        }
        layers = Naming.copyOf(layers, "", "layers");
        auxHeads = Naming.copyOf(auxHeads, "", "aux heads");
        if (init == null) {
            throw new SpecException("", "network '" + name + "' needs a weight initialisation");
        }
    }

    public Network(String name, FeatureShape input, List<Layer> layers, List<AuxHead> auxHeads) {
        this(name, input, layers, auxHeads, WeightInit.HE_NORMAL);
    }

    /** The same network with its weights started as {@code newInit} says. */
    public Network withInit(WeightInit newInit) {
        return new Network(name, input, layers, auxHeads, newInit);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The same network without its auxiliary heads (what inference runs). */
    public Network withoutAux() {
        return new Network(name, input, layers, List.of(), init);
    }

    public Network withInput(FeatureShape newInput) {
        return new Network(name, newInput, layers, auxHeads, init);
    }

    public static final class Builder {
        private final String name;
        private FeatureShape input = FeatureShape.of(3, 224, 224);
        private final List<Layer> layers = new ArrayList<>();
        private final List<AuxHead> aux = new ArrayList<>();
        private WeightInit init = WeightInit.HE_NORMAL;

        private Builder(String name) {
            this.name = name;
        }

        public Builder input(int channels, int height, int width) {
            this.input = FeatureShape.of(channels, height, width);
            return this;
        }

        public Builder input(FeatureShape shape) {
            this.input = shape;
            return this;
        }

        public Builder add(Layer... more) {
            for (Layer l : more) {
                layers.add(l);
            }
            return this;
        }

        /** A named block made of several layers in sequence. */
        public Builder block(String blockName, Layer... parts) {
            layers.add(new Sequence(blockName, List.of(parts)));
            return this;
        }

        public Builder aux(String auxName, String after, double lossWeight, Layer... head) {
            aux.add(new AuxHead(auxName, after, List.of(head), lossWeight));
            return this;
        }

        /** How the weights start (see {@link WeightInit}). */
        public Builder init(WeightInit weights) {
            this.init = weights;
            return this;
        }

        public Network build() {
            return new Network(name, input, layers, aux, init);
        }
    }
}
