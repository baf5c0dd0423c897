package dev.incept.analysis;

import java.util.List;

/** An auxiliary head as resolved: its name, the index of the top-level layer it reads, its loss weight and layers. */
public record ResolvedAux(String name, int stage, double lossWeight, List<ResolvedLayer> layers) {
    public ResolvedAux {
        layers = List.copyOf(layers);
    }
}
