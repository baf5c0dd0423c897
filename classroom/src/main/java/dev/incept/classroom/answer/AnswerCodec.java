package dev.incept.classroom.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An answer as data: a network (its JSON description), a trained network (its description and its
 * weights as a safetensors file), a number, a string, a boolean, or an array or list of those.
 * Nothing else crosses from the student's sandbox to the grading process, so no code of the
 * student's runs where the score is computed.
 */
public final class AnswerCodec {
    /** What kinds of value an answer may be, in the words of a student's feedback. */
    public static final String KINDS = "networks, trained networks (a Trainer), numbers, strings, booleans, and arrays or lists of them";
    /** The most bytes of weights one answer may hand back (4 M float32 parameters). */
    public static final int MAX_WEIGHT_BYTES = 16 << 20;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ELEMENTS = 1 << 20;

    private AnswerCodec() {
    }

    /** {"kind": ..., "value": ...}; an IllegalArgumentException names a value that is not data. */
    public static ObjectNode encode(Object v) {
        ObjectNode o = JSON.createObjectNode();
        if (v == null) {
            o.put("kind", "null");
        } else if (v instanceof Network n) {
            o.put("kind", "network").put("value", SpecJson.write(n));
        } else if (v instanceof dev.incept.train.Trainer t) {
            byte[] weights = t.weights();
            if (weights.length > MAX_WEIGHT_BYTES) {
                throw new IllegalArgumentException("a trained network of " + weights.length + " bytes of weights is larger than an answer may be ("
                        + MAX_WEIGHT_BYTES + ")");
            }
            o.put("kind", "weights").putObject("value").put("network", SpecJson.write(t.network()))
                    .put("safetensors", java.util.Base64.getEncoder().encodeToString(weights));
        } else if (v instanceof Boolean b) {
            o.put("kind", "boolean").put("value", b);
        } else if (v instanceof Integer i) {
            o.put("kind", "int").put("value", i);
        } else if (v instanceof Long l) {
            o.put("kind", "long").put("value", l);
        } else if (v instanceof Double d) {
            o.put("kind", "double").put("value", d);
        } else if (v instanceof Float f) {
            o.put("kind", "float").put("value", f);
        } else if (v instanceof String s) {
            o.put("kind", "string").put("value", s);
        } else {
            encodeOther(o, v);
        }
        return o;
    }

    private static ArrayNode array(ObjectNode o, String kind, int length) {
        if (length > MAX_ELEMENTS) {
            throw new IllegalArgumentException("an array of " + length + " elements is larger than an answer may be (" + MAX_ELEMENTS + ")");
        }
        o.put("kind", kind);
        return o.putArray("value");
    }

    private static void encodeOther(ObjectNode o, Object v) {
        if (v instanceof int[] a) {
            ArrayNode arr = array(o, "intArray", a.length);
            for (int x : a) {
                arr.add(x);
            }
        } else if (v instanceof long[] a) {
            ArrayNode arr = array(o, "longArray", a.length);
            for (long x : a) {
                arr.add(x);
            }
        } else if (v instanceof double[] a) {
            ArrayNode arr = array(o, "doubleArray", a.length);
            for (double x : a) {
                arr.add(x);
            }
        } else if (v instanceof float[] a) {
            ArrayNode arr = array(o, "floatArray", a.length);
            for (float x : a) {
                arr.add(x);
            }
        } else if (v instanceof boolean[] a) {
            ArrayNode arr = array(o, "booleanArray", a.length);
            for (boolean x : a) {
                arr.add(x);
            }
        } else if (v instanceof Collection<?> c) {
            ArrayNode arr = array(o, "list", c.size());
            for (Object x : c) {
                arr.add(encode(x));
            }
        } else {
            throw new IllegalArgumentException("a " + v.getClass().getName() + " is not an answer the grader can take (" + KINDS + ")");
        }
    }

    /** The Kotlin function of dev.incept.jupyter.Answers that reads a value of this kind back. */
    public static String reader(String kind) {
        return switch (kind) {
            case "null" -> "nothing";
            case "network", "weights", "boolean", "int", "long", "double", "float", "string", "intArray", "longArray", "doubleArray",
                    "floatArray", "booleanArray", "list" -> kind;
            default -> throw new IllegalArgumentException("unknown answer kind '" + kind + "'");
        };
    }

    /** The value an encoded answer stands for (a list's elements decoded in turn). */
    public static Object decode(JsonNode o) {
        JsonNode v = o.path("value");
        String kind = o.path("kind").asText();
        return switch (kind) {
            case "null" -> null;
            case "network" -> SpecJson.read(v.asText());
            case "weights" -> HandedWeights.of(v);
            case "boolean" -> requireType(v, v.isBoolean(), kind).asBoolean();
            case "int" -> requireType(v, v.canConvertToInt() && v.isIntegralNumber(), kind).asInt();
            case "long" -> requireType(v, v.canConvertToLong() && v.isIntegralNumber(), kind).asLong();
            case "double" -> requireType(v, v.isNumber() || v.isTextual(), kind).asDouble();
            case "float" -> (float) requireType(v, v.isNumber() || v.isTextual(), kind).asDouble();
            case "string" -> requireType(v, v.isTextual(), kind).asText();
            case "intArray" -> elements(v, kind).stream().mapToInt(JsonNode::asInt).toArray();
            case "longArray" -> elements(v, kind).stream().mapToLong(JsonNode::asLong).toArray();
            case "doubleArray" -> elements(v, kind).stream().mapToDouble(JsonNode::asDouble).toArray();
            case "floatArray" -> {
                List<JsonNode> e = elements(v, kind);
                float[] f = new float[e.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) e.get(i).asDouble();
                }
                yield f;
            }
            case "booleanArray" -> {
                List<JsonNode> e = elements(v, kind);
                boolean[] b = new boolean[e.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = e.get(i).asBoolean();
                }
                yield b;
            }
            case "list" -> {
                List<Object> out = new ArrayList<>();
                for (JsonNode e : elements(v, kind)) {
                    out.add(decode(e));
                }
                yield java.util.Collections.unmodifiableList(out);
            }
            default -> throw new IllegalArgumentException("unknown answer kind '" + kind + "'");
        };
    }

    private static JsonNode requireType(JsonNode v, boolean ok, String kind) {
        if (!ok) {
            throw new IllegalArgumentException("a " + kind + " answer holds " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v;
    }

    private static List<JsonNode> elements(JsonNode v, String kind) {
        if (!v.isArray() || v.size() > MAX_ELEMENTS) {
            throw new IllegalArgumentException("a " + kind + " answer must hold an array of at most " + MAX_ELEMENTS + " elements");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }
}
