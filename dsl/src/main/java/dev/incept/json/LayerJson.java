package dev.incept.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.Dropout;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.LayerVisitor;
import dev.incept.spec.Limits;
import dev.incept.spec.Padding;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.Sequence;
import dev.incept.spec.SpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One layer to and from a JSON object; the "type" field names the kind. */
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
        o.put("type", layer.accept(TYPE));
        if (!layer.name().isEmpty()) {
            o.put("name", layer.name());
        }
        layer.accept(new LayerVisitor<Void>() {
            public Void conv(Conv c) {
                o.put("filters", c.filters());
                o.set("kernel", ints(c.kernelH(), c.kernelW()));
                o.set("stride", ints(c.strideH(), c.strideW()));
                padding(o, c.padding());
                o.put("batchNorm", c.batchNorm());
                o.put("activation", c.activation().jsonName());
                o.put("bias", c.bias());
                return null;
            }

            public Void pool(Pool p) {
                o.put("kind", p.kind().jsonName());
                o.set("kernel", ints(p.kernelH(), p.kernelW()));
                o.set("stride", ints(p.strideH(), p.strideW()));
                padding(o, p.padding());
                o.put("countIncludePad", p.countIncludePad());
                o.put("ceilMode", p.ceilMode());
                return null;
            }

            public Void globalPool(GlobalPool g) {
                o.put("kind", g.kind().jsonName());
                return null;
            }

            public Void adaptiveAvgPool(AdaptiveAvgPool a) {
                o.set("output", ints(a.height(), a.width()));
                return null;
            }

            public Void dropout(Dropout d) {
                o.put("rate", d.rate());
                return null;
            }

            public Void dense(Dense d) {
                o.put("units", d.units());
                o.put("bias", d.bias());
                o.put("activation", d.activation().jsonName());
                return null;
            }

            public Void sequence(Sequence s) {
                o.set("layers", writeAll(s.layers(), depth + 1));
                return null;
            }

            public Void concat(Concat c) {
                o.set("branches", writeAll(c.branches(), depth + 1));
                return null;
            }

            public Void residual(Residual r) {
                o.put("scale", r.scale());
                o.put("project", r.project());
                o.put("activation", r.activation().jsonName());
                o.set("body", write(r.body(), depth + 1));
                return null;
            }

            public Void repeat(Repeat r) {
                o.put("times", r.times());
                o.set("body", write(r.body(), depth + 1));
                return null;
            }
        });
        return o;
    }

    private static void padding(ObjectNode o, Padding p) {
        if (p instanceof Padding.Explicit e) {
            o.set("padding", ints(e.height(), e.width()));
        } else {
            o.put("padding", p instanceof Padding.Valid ? "valid" : "same");
        }
    }

    private static final LayerVisitor<String> TYPE = new LayerVisitor<>() {
        public String conv(Conv c) {
            return "conv";
        }

        public String pool(Pool p) {
            return "pool";
        }

        public String globalPool(GlobalPool g) {
            return "globalpool";
        }

        public String adaptiveAvgPool(AdaptiveAvgPool a) {
            return "adaptiveavgpool";
        }

        public String dropout(Dropout d) {
            return "dropout";
        }

        public String dense(Dense d) {
            return "dense";
        }

        public String sequence(Sequence s) {
            return "sequence";
        }

        public String concat(Concat c) {
            return "concat";
        }

        public String residual(Residual r) {
            return "residual";
        }

        public String repeat(Repeat r) {
            return "repeat";
        }
    };

    static List<Layer> readAll(Node arr) {
        List<Layer> out = new ArrayList<>();
        for (Node n : arr.elements()) {
            out.add(read(n));
        }
        return out;
    }

    static Layer read(Node n) {
        String type = n.requiredText("type");
        String name = n.optText("name", "");
        switch (type) {
            case "conv" -> {
                n.allowOnly("type", "name", "filters", "kernel", "stride", "padding", "batchNorm", "activation", "bias");
                int[] k = n.required("kernel").intPair();
                int[] s = stride(n);
                boolean bn = n.optBool("batchNorm", true);
                return new Conv(name, n.requiredInt("filters"), k[0], k[1], s[0], s[1], padding(n, Padding.SAME), bn,
                        activation(n, ActivationKind.RELU), n.optBool("bias", !bn));
            }
            case "pool" -> {
                n.allowOnly("type", "name", "kind", "kernel", "stride", "padding", "countIncludePad", "ceilMode");
                int[] k = n.required("kernel").intPair();
                Node st = n.optional("stride");
                int[] s = st == null ? k : st.intPair();
                return new Pool(name, poolKind(n), k[0], k[1], s[0], s[1], padding(n, Padding.VALID),
                        n.optBool("countIncludePad", false), n.optBool("ceilMode", false));
            }
            case "globalpool" -> {
                n.allowOnly("type", "name", "kind");
                return new GlobalPool(name, n.optional("kind") == null ? PoolKind.AVG : poolKind(n));
            }
            case "adaptiveavgpool" -> {
                n.allowOnly("type", "name", "output");
                int[] out = n.required("output").intPair();
                return new AdaptiveAvgPool(name, out[0], out[1]);
            }
            case "dropout" -> {
                n.allowOnly("type", "name", "rate");
                n.required("rate");
                return new Dropout(name, n.optDouble("rate", 0));
            }
            case "dense" -> {
                n.allowOnly("type", "name", "units", "bias", "activation");
                return new Dense(name, n.requiredInt("units"), n.optBool("bias", true), activation(n, ActivationKind.LINEAR));
            }
            case "sequence" -> {
                n.allowOnly("type", "name", "layers");
                return new Sequence(name, readAll(n.required("layers")));
            }
            case "concat" -> {
                n.allowOnly("type", "name", "branches");
                return new Concat(name, readAll(n.required("branches")));
            }
            case "residual" -> {
                n.allowOnly("type", "name", "scale", "project", "activation", "body");
                return new Residual(name, read(n.required("body")), n.optBool("project", true),
                        n.optDouble("scale", 1.0), activation(n, ActivationKind.RELU));
            }
            case "repeat" -> {
                n.allowOnly("type", "name", "times", "body");
                return new Repeat(name, n.requiredInt("times"), read(n.required("body")));
            }
            default -> throw new SpecException(n.path + ".type", "unknown layer type '" + type
                    + "' (expected conv, pool, globalpool, adaptiveavgpool, dropout, dense, sequence, concat, residual or repeat)");
        }
    }

    private static int[] stride(Node n) {
        Node s = n.optional("stride");
        return s == null ? new int[] {1, 1} : s.intPair();
    }

    private static Padding padding(Node n, Padding fallback) {
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

    private static ActivationKind activation(Node n, ActivationKind fallback) {
        Node a = n.optional("activation");
        if (a != null && "none".equals(a.text())) {
            return ActivationKind.LINEAR; // what files written before the one name said
        }
        return a == null ? fallback : enumValue(a, ActivationKind.class);
    }

    private static PoolKind poolKind(Node n) {
        return enumValue(n.required("kind"), PoolKind.class);
    }

    private static <E extends Enum<E>> E enumValue(Node n, Class<E> type) {
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
}
