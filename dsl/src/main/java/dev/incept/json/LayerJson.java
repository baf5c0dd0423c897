package dev.incept.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.FieldsIn;
import dev.incept.spec.FieldsOut;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerType;
import dev.incept.spec.Limits;
import dev.incept.spec.Padding;
import dev.incept.spec.SpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One layer to and from a JSON object: the "type" field names the kind, and the kind's own
 * {@link LayerType} reads and writes its fields through the two adapters here.
 */
final class LayerJson {
    private LayerJson() {
    }

    static ArrayNode writeAll(List<Layer> layers) {
        return writeAll(layers, 0);
    }

    private static ArrayNode writeAll(List<Layer> layers, int depth) {
        ArrayNode arr = SpecJson.MAPPER.createArrayNode();
        for (Layer l : layers) {
            arr.add(write(l, depth));
        }
        return arr;
    }

    static ArrayNode ints(int... values) {
        ArrayNode arr = SpecJson.MAPPER.createArrayNode();
        for (int v : values) {
            arr.add(v);
        }
        return arr;
    }

    /** Bounded like the analyser, so a pathological nesting is an error, not a stack overflow. */
    private static ObjectNode write(Layer layer, int depth) {
        if (depth > Limits.MAX_NESTING) {
            throw new SpecException(layer.name(), "blocks are nested more than " + Limits.MAX_NESTING + " deep");
        }
        ObjectNode o = SpecJson.MAPPER.createObjectNode();
        LayerType<?> kind = LayerType.of(layer);
        o.put("type", kind.type());
        if (!layer.name().isEmpty()) {
            o.put("name", layer.name());
        }
        kind.write(layer, new Out(o, depth));
        return o;
    }

    static List<Layer> readAll(Node arr) {
        List<Layer> out = new ArrayList<>();
        for (Node n : arr.elements()) {
            out.add(read(n));
        }
        return out;
    }

    static Layer read(Node n) {
        String type = n.requiredText("type");
        LayerType<?> kind = LayerType.named(type);
        if (kind == null) {
            List<String> types = new ArrayList<>(LayerType.all().stream().map(LayerType::type).toList());
            String last = types.remove(types.size() - 1);
            throw new SpecException(n.path + ".type", "unknown layer type '" + type + "' (expected " + String.join(", ", types) + " or " + last + ")");
        }
        List<String> allowed = new ArrayList<>(List.of("type", "name"));
        allowed.addAll(kind.fields());
        n.allowOnly(allowed.toArray(String[]::new));
        return kind.reader().read(new In(n), n.optText("name", ""));
    }

    static <E extends Enum<E>> E enumValue(Node n, Class<E> type) {
        String text = n.text();
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw n.error("unknown value \"" + text + "\" (expected one of " + names + ")");
    }

    /** A layer's object as its kind's reader sees it. */
    private record In(Node n) implements FieldsIn {
        public boolean has(String field) {
            return n.optional(field) != null;
        }

        public int requiredInt(String field) {
            return n.requiredInt(field);
        }

        public int optInt(String field, int fallback) {
            return n.optInt(field, fallback);
        }

        public double requiredDouble(String field) {
            n.required(field);
            return n.optDouble(field, 0);
        }

        public double optDouble(String field, double fallback) {
            return n.optDouble(field, fallback);
        }

        public boolean optBool(String field, boolean fallback) {
            return n.optBool(field, fallback);
        }

        public int[] pair(String field) {
            return n.required(field).intPair();
        }

        public int[] optPair(String field, int[] fallback) {
            Node v = n.optional(field);
            return v == null ? fallback.clone() : v.intPair();
        }

        public List<Integer> intList(String field) {
            return n.required(field).elements().stream().map(Node::intValue).toList();
        }

        public Padding padding(Padding fallback) {
            Node p = n.optional("padding");
            if (p == null) {
                return fallback;
            }
            if (p.json.isArray()) {
                int[] v = p.intArray(2);
                return Padding.explicit(v[0], v[1]);
            }
            if (p.json.isNumber()) {
                int v = p.intValue();
                return Padding.explicit(v, v);
            }
            return switch (p.text()) {
                case "same" -> Padding.SAME;
                case "valid" -> Padding.VALID;
                default -> throw p.error("padding must be \"same\", \"valid\", an integer or [height, width], got \""
                        + p.text() + "\"");
            };
        }

        public ActivationKind activation(ActivationKind fallback) {
            Node a = n.optional("activation");
            if (a != null && "none".equals(a.text())) {
                return ActivationKind.LINEAR; // what files written before the one name said
            }
            return a == null ? fallback : LayerJson.enumValue(a, ActivationKind.class);
        }

        public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            return LayerJson.enumValue(n.required(field), type);
        }

        public Layer layer(String field) {
            return read(n.required(field));
        }

        public List<Layer> layers(String field) {
            return readAll(n.required(field));
        }
    }

    /** A layer's object as its kind's writer fills it; {@code depth} is the layer's nesting, for its children. */
    private record Out(ObjectNode o, int depth) implements FieldsOut {
        public void put(String field, int value) {
            o.put(field, value);
        }

        public void put(String field, double value) {
            o.put(field, value);
        }

        public void put(String field, boolean value) {
            o.put(field, value);
        }

        public void put(String field, String value) {
            o.put(field, value);
        }

        public void pair(String field, int first, int second) {
            o.set(field, LayerJson.ints(first, second));
        }

        public void ints(String field, List<Integer> values) {
            o.set(field, LayerJson.ints(values.stream().mapToInt(Integer::intValue).toArray()));
        }

        public void padding(Padding p) {
            if (p instanceof Padding.Explicit e) {
                o.set("padding", LayerJson.ints(e.height(), e.width()));
            } else {
                o.put("padding", p instanceof Padding.Valid ? "valid" : "same");
            }
        }

        public void activation(ActivationKind activation) {
            o.put("activation", activation.jsonName());
        }

        public void layer(String field, Layer layer) {
            o.set(field, write(layer, depth + 1));
        }

        public void layers(String field, List<Layer> layers) {
            o.set(field, writeAll(layers, depth + 1));
        }
    }
}
