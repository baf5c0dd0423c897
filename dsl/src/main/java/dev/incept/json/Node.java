package dev.incept.json;

import com.fasterxml.jackson.databind.JsonNode;

import dev.incept.spec.SpecException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A JSON value together with its JSON path, so that every read can say where it went wrong. */
final class Node {
    final JsonNode json;
    final String path;

    Node(JsonNode json, String path) {
        this.json = json;
        this.path = path;
    }

    SpecException error(String message) {
        return new SpecException(path, message);
    }

    private void requireObject() {
        if (!json.isObject()) {
            throw error("expected an object, got " + kind(json));
        }
    }

    void allowOnly(String... fields) {
        requireObject();
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SpecException(path + "." + f, "unknown field '" + f + "' (expected one of "
                        + List.of(fields) + ")");
            }
        }
    }

    Node optional(String field) {
        requireObject();
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : new Node(v, path + "." + field);
    }

    Node required(String field) {
        Node v = optional(field);
        if (v == null) {
            throw new SpecException(path + "." + field, "missing required field '" + field + "'");
        }
        return v;
    }

    String requiredText(String field) {
        return required(field).text();
    }

    String optText(String field, String fallback) {
        Node v = optional(field);
        return v == null ? fallback : v.text();
    }

    int requiredInt(String field) {
        return required(field).intValue();
    }

    int optInt(String field, int fallback) {
        Node v = optional(field);
        return v == null ? fallback : v.intValue();
    }

    boolean optBool(String field, boolean fallback) {
        Node v = optional(field);
        if (v == null) {
            return fallback;
        }
        if (!v.json.isBoolean()) {
            throw v.error("expected true or false, got " + kind(v.json));
        }
        return v.json.booleanValue();
    }

    double optDouble(String field, double fallback) {
        Node v = optional(field);
        if (v == null) {
            return fallback;
        }
        if (v.json.isNumber()) {
            return v.json.doubleValue();
        }
        // JSON has no NaN or infinity; the writer spells them as strings, so a round trip stays exact.
        if (v.json.isTextual()) {
            switch (v.json.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw v.error("expected a number, got " + kind(v.json));
    }

    String text() {
        if (!json.isTextual()) {
            throw error("expected a string, got " + kind(json));
        }
        return json.textValue();
    }

    int intValue() {
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            throw error("expected an integer, got " + kind(json));
        }
        return json.intValue();
    }

    /** An int or an array of {@code n} ints; a single int is repeated (kernel 3 means 3x3). */
    int[] intPair() {
        if (json.isNumber()) {
            int v = intValue();
            return new int[] {v, v};
        }
        return intArray(2);
    }

    int[] intArray(int n) {
        if (!json.isArray() || json.size() != n) {
            throw error("expected an array of " + n + " integers, got " + kind(json));
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Node(json.get(i), path + "[" + i + "]").intValue();
        }
        return out;
    }

    List<Node> elements() {
        if (!json.isArray()) {
            throw error("expected an array, got " + kind(json));
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "\"" + n.textValue() + "\"";
        }
        if (n.isNumber() || n.isBoolean() || n.isNull()) {
            return n.toString();
        }
        return n.isArray() ? "an array of " + n.size() : "an object";
    }
}
