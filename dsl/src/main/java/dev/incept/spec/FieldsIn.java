package dev.incept.spec;

import java.util.List;

/**
 * A layer's fields as its description file holds them, for the kind's reader in {@link LayerType}.
 * Every getter checks the value's form and names its place in the file when it refuses it; the
 * "type" and "name" fields are read before, and fields the kind does not list are refused.
 */
public interface FieldsIn {
    boolean has(String field);

    int requiredInt(String field);

    int optInt(String field, int fallback);

    double requiredDouble(String field);

    double optDouble(String field, double fallback);

    boolean optBool(String field, boolean fallback);

    /** An integer pair [height, width]; a bare integer n stands for [n, n]. */
    int[] pair(String field);

    int[] optPair(String field, int[] fallback);

    List<Integer> intList(String field);

    /** "same", "valid", an integer or [height, width] under "padding". */
    Padding padding(Padding fallback);

    /** The activation's name under "activation" ("none" as files before one name said). */
    ActivationKind activation(ActivationKind fallback);

    /** A required enum value, written in lower case. */
    <E extends Enum<E>> E enumValue(String field, Class<E> type);

    Layer layer(String field);

    List<Layer> layers(String field);
}
