package dev.incept.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.incept.spec.Activation;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Flatten;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Lrn;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.Limits;
import dev.incept.spec.Padding;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import dev.incept.spec.SpecException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One layer to and from a JSON object; the "type" field names the kind, from the table {@link #KINDS}. */
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
        Kind<?> kind = kindOf(layer);
        o.put("type", kind.type());
        if (!layer.name().isEmpty()) {
            o.put("name", layer.name());
        }
        kind.writeFields(layer, o, depth);
        return o;
    }

    /** Writes a layer's own fields (not its type or name); {@code depth} is the layer's nesting, for its children. */
    interface Writer<L extends Layer> {
        void write(L layer, ObjectNode o, int depth);
    }

    /** Reads a layer from its object, whose fields were already checked against the kind's list. */
    interface Reader<L extends Layer> {
        L read(Node n, String name);
    }

    /** One kind of layer in JSON: its type name, its fields, and how it is read and written. */
    record Kind<L extends Layer>(String type, Class<L> javaType, List<String> fields, Reader<L> reader, Writer<L> writer) {
        void writeFields(Layer layer, ObjectNode o, int depth) {
            writer.write(javaType.cast(layer), o, depth);
        }

        Layer read(Node n) {
            List<String> allowed = new ArrayList<>(List.of("type", "name"));
            allowed.addAll(fields);
            n.allowOnly(allowed.toArray(String[]::new));
            return reader.read(n, n.optText("name", ""));
        }
    }

    private static <L extends Layer> Kind<L> kind(String type, Class<L> javaType, List<String> fields, Reader<L> reader, Writer<L> writer) {
        return new Kind<>(type, javaType, fields, reader, writer);
    }

    /** Every kind of layer, in the order an error message lists them. */
    static final List<Kind<?>> KINDS = List.of(
            kind("conv", Conv.class, List.of("filters", "kernel", "stride", "padding", "batchNorm", "activation", "bias", "groups"), (n, name) -> {
                int[] k = n.required("kernel").intPair();
                int[] s = stride(n);
                boolean bn = n.optBool("batchNorm", true);
                return new Conv(name, n.requiredInt("filters"), k[0], k[1], s[0], s[1], padding(n, Padding.SAME), bn,
                        activation(n, ActivationKind.RELU), n.optBool("bias", !bn), n.optInt("groups", 1));
            }, (c, o, depth) -> {
                o.put("filters", c.filters());
                o.set("kernel", ints(c.kernelH(), c.kernelW()));
                o.set("stride", ints(c.strideH(), c.strideW()));
                writePadding(o, c.padding());
                o.put("batchNorm", c.batchNorm());
                o.put("activation", c.activation().jsonName());
                o.put("bias", c.bias());
                if (c.groups() != 1) {
                    o.put("groups", c.groups());
                }
            }),
            kind("depthwiseconv", DepthwiseConv.class, List.of("kernel", "stride", "padding", "multiplier", "batchNorm", "activation", "bias"),
                    (n, name) -> {
                        int[] k = n.required("kernel").intPair();
                        int[] s = stride(n);
                        boolean bn = n.optBool("batchNorm", false);
                        return new DepthwiseConv(name, k[0], k[1], s[0], s[1], padding(n, Padding.SAME), n.optInt("multiplier", 1), bn,
                                activation(n, ActivationKind.LINEAR), n.optBool("bias", !bn));
                    }, (c, o, depth) -> writeDepthwise(o, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(), c.multiplier(),
                            c.batchNorm(), c.activation(), c.bias())),
            kind("separableconv", SeparableConv.class,
                    List.of("filters", "kernel", "stride", "padding", "multiplier", "batchNorm", "activation", "bias"), (n, name) -> {
                        int[] k = n.required("kernel").intPair();
                        int[] s = stride(n);
                        boolean bn = n.optBool("batchNorm", false);
                        return new SeparableConv(name, n.requiredInt("filters"), k[0], k[1], s[0], s[1], padding(n, Padding.SAME),
                                n.optInt("multiplier", 1), bn, activation(n, ActivationKind.LINEAR), n.optBool("bias", !bn));
                    }, (c, o, depth) -> {
                        o.put("filters", c.filters());
                        writeDepthwise(o, c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding(), c.multiplier(),
                                c.batchNorm(), c.activation(), c.bias());
                    }),
            kind("pool", Pool.class, List.of("kind", "kernel", "stride", "padding", "countIncludePad", "ceilMode"), (n, name) -> {
                int[] k = n.required("kernel").intPair();
                Node st = n.optional("stride");
                int[] s = st == null ? k : st.intPair();
                return new Pool(name, poolKind(n), k[0], k[1], s[0], s[1], padding(n, Padding.VALID),
                        n.optBool("countIncludePad", false), n.optBool("ceilMode", false));
            }, (p, o, depth) -> {
                o.put("kind", p.kind().jsonName());
                o.set("kernel", ints(p.kernelH(), p.kernelW()));
                o.set("stride", ints(p.strideH(), p.strideW()));
                writePadding(o, p.padding());
                o.put("countIncludePad", p.countIncludePad());
                o.put("ceilMode", p.ceilMode());
            }),
            kind("globalpool", GlobalPool.class, List.of("kind"),
                    (n, name) -> new GlobalPool(name, n.optional("kind") == null ? PoolKind.AVG : poolKind(n)),
                    (g, o, depth) -> o.put("kind", g.kind().jsonName())),
            kind("adaptiveavgpool", AdaptiveAvgPool.class, List.of("output"), (n, name) -> {
                int[] out = n.required("output").intPair();
                return new AdaptiveAvgPool(name, out[0], out[1]);
            }, (a, o, depth) -> o.set("output", ints(a.height(), a.width()))),
            kind("dropout", Dropout.class, List.of("rate"), (n, name) -> {
                n.required("rate");
                return new Dropout(name, n.optDouble("rate", 0));
            }, (d, o, depth) -> o.put("rate", d.rate())),
            kind("dense", Dense.class, List.of("units", "bias", "activation"),
                    (n, name) -> new Dense(name, n.requiredInt("units"), n.optBool("bias", true), activation(n, ActivationKind.LINEAR)),
                    (d, o, depth) -> {
                        o.put("units", d.units());
                        o.put("bias", d.bias());
                        o.put("activation", d.activation().jsonName());
                    }),
            kind("sequence", Sequence.class, List.of("layers"),
                    (n, name) -> new Sequence(name, readAll(n.required("layers"))),
                    (s, o, depth) -> o.set("layers", writeAll(s.layers(), depth + 1))),
            kind("concat", Concat.class, List.of("branches"),
                    (n, name) -> new Concat(name, readAll(n.required("branches"))),
                    (c, o, depth) -> o.set("branches", writeAll(c.branches(), depth + 1))),
            kind("residual", Residual.class, List.of("scale", "project", "activation", "body", "shortcut", "dropPath"),
                    (n, name) -> new Residual(name, read(n.required("body")), n.optBool("project", true),
                            n.optDouble("scale", 1.0), activation(n, ActivationKind.RELU),
                            n.optional("shortcut") == null ? null : read(n.required("shortcut")), n.optDouble("dropPath", 0)),
                    (r, o, depth) -> {
                        o.put("scale", r.scale());
                        o.put("project", r.project());
                        o.put("activation", r.activation().jsonName());
                        o.set("body", write(r.body(), depth + 1));
                        if (r.shortcut() != null) {
                            o.set("shortcut", write(r.shortcut(), depth + 1));
                        }
                        if (r.dropPath() != 0) {
                            o.put("dropPath", r.dropPath());
                        }
                    }),
            kind("repeat", Repeat.class, List.of("times", "body"),
                    (n, name) -> new Repeat(name, n.requiredInt("times"), read(n.required("body"))),
                    (r, o, depth) -> {
                        o.put("times", r.times());
                        o.set("body", write(r.body(), depth + 1));
                    }),
            kind("batchnorm", BatchNorm.class, List.of("epsilon", "momentum"),
                    (n, name) -> new BatchNorm(name, n.optDouble("epsilon", BatchNorm.KERAS_EPSILON), n.optDouble("momentum", BatchNorm.KERAS_MOMENTUM)),
                    (b, o, depth) -> {
                        o.put("epsilon", b.epsilon());
                        o.put("momentum", b.momentum());
                    }),
            kind("activation", Activation.class, List.of("activation"),
                    (n, name) -> new Activation(name, enumValue(n.required("activation"), ActivationKind.class)),
                    (a, o, depth) -> o.put("activation", a.kind().jsonName())),
            kind("flatten", Flatten.class, List.of(), (n, name) -> new Flatten(name), (f, o, depth) -> { }),
            kind("split", ChannelSplit.class, List.of("sizes", "branches"),
                    (n, name) -> new ChannelSplit(name, n.required("sizes").elements().stream().map(Node::intValue).toList(),
                            readAll(n.required("branches"))),
                    (s, o, depth) -> {
                        o.set("sizes", ints(s.sizes().stream().mapToInt(Integer::intValue).toArray()));
                        o.set("branches", writeAll(s.branches(), depth + 1));
                    }),
            kind("layernorm", LayerNorm.class, List.of("epsilon"),
                    (n, name) -> new LayerNorm(name, n.optDouble("epsilon", 1e-6)), (l, o, depth) -> o.put("epsilon", l.epsilon())),
            kind("layerscale", LayerScale.class, List.of("init"),
                    (n, name) -> new LayerScale(name, n.optDouble("init", 1e-6)), (l, o, depth) -> o.put("init", l.init())),
            kind("se", SqueezeExcite.class, List.of("reduction", "activation"),
                    (n, name) -> new SqueezeExcite(name, n.optInt("reduction", SqueezeExcite.SENET_REDUCTION), activation(n, ActivationKind.RELU)),
                    (s, o, depth) -> {
                        o.put("reduction", s.reduction());
                        o.put("activation", s.activation().jsonName());
                    }),
            kind("lrn", Lrn.class, List.of("size", "alpha", "beta", "k"),
                    (n, name) -> new Lrn(name, n.requiredInt("size"), n.optDouble("alpha", 1e-4), n.optDouble("beta", 0.75), n.optDouble("k", 1)),
                    (l, o, depth) -> {
                        o.put("size", l.size());
                        o.put("alpha", l.alpha());
                        o.put("beta", l.beta());
                        o.put("k", l.k());
                    }));

    private static final Map<String, Kind<?>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Kind<?>> BY_CLASS = new HashMap<>();

    static {
        for (Kind<?> k : KINDS) {
            BY_TYPE.put(k.type(), k);
            BY_CLASS.put(k.javaType(), k);
        }
    }

    private static Kind<?> kindOf(Layer layer) {
        Kind<?> k = BY_CLASS.get(layer.getClass());
        if (k == null) {
            throw new IllegalStateException("no JSON form for " + layer.getClass().getSimpleName() + "; add it to LayerJson.KINDS");
        }
        return k;
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
        Kind<?> kind = BY_TYPE.get(type);
        if (kind == null) {
            List<String> types = new ArrayList<>(BY_TYPE.keySet());
            String last = types.remove(types.size() - 1);
            throw new SpecException(n.path + ".type", "unknown layer type '" + type + "' (expected " + String.join(", ", types) + " or " + last + ")");
        }
        return kind.read(n);
    }

    private static int[] stride(Node n) {
        Node s = n.optional("stride");
        return s == null ? new int[] {1, 1} : s.intPair();
    }

    /** The fields a depthwise and a separable convolution share. */
    private static void writeDepthwise(ObjectNode o, int kh, int kw, int sh, int sw, Padding padding, int multiplier, boolean batchNorm,
                                       ActivationKind activation, boolean bias) {
        o.set("kernel", ints(kh, kw));
        o.set("stride", ints(sh, sw));
        writePadding(o, padding);
        o.put("multiplier", multiplier);
        o.put("batchNorm", batchNorm);
        o.put("activation", activation.jsonName());
        o.put("bias", bias);
    }

    private static void writePadding(ObjectNode o, Padding p) {
        if (p instanceof Padding.Explicit e) {
            o.set("padding", ints(e.height(), e.width()));
        } else {
            o.put("padding", p instanceof Padding.Valid ? "valid" : "same");
        }
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
}
