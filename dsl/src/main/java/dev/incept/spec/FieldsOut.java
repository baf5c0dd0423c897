package dev.incept.spec;

import java.util.List;

/** A layer's fields as its description file will hold them, for the kind's writer in {@link LayerType}. */
public interface FieldsOut {
    void put(String field, int value);

    void put(String field, double value);

    void put(String field, boolean value);

    void put(String field, String value);

    void pair(String field, int first, int second);

    void ints(String field, List<Integer> values);

    void padding(Padding padding);

    void activation(ActivationKind activation);

    void layer(String field, Layer layer);

    void layers(String field, List<Layer> layers);
}
