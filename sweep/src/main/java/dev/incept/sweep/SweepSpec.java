package dev.incept.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep: a base run and what varies it. Settings are named as {@link dev.incept.run.TrainOption}
 * names them, as 'incept train''s options ({@code "label-smoothing": 0.1}, {@code "seed": 1},
 * {@code "model": "inception-mini"}); an unknown name is refused here, with the nearest one.
 * {@code variants} names bundles of settings (a description variant: {@code "spec": "v3.json"} or
 * {@code "model": ...}), chosen by the setting {@code "variant"}. The points are every combination of
 * {@code grid}'s values (a full grid), each of {@code points} (an explicit list), or both: each
 * listed point crossed with the grid. A point is the base, then its variant, then its own settings.
 */
public record SweepSpec(String name, Map<String, String> base, Map<String, Map<String, String>> variants,
                        Map<String, List<String>> grid, List<Map<String, String>> points) {
    public SweepSpec {
        base = new LinkedHashMap<>(base);
        variants = new LinkedHashMap<>(variants);
        grid = new LinkedHashMap<>(grid);
        points = List.copyOf(points);
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new SweepException("a sweep needs a name of letters, digits, '.', '_' and '-', got " + name);
        }
        base.keySet().forEach(PlannedPoint::checkName);
        variants.values().forEach(v -> v.keySet().forEach(PlannedPoint::checkName));
        grid.keySet().forEach(PlannedPoint::checkName);
        points.forEach(p -> p.keySet().forEach(PlannedPoint::checkName));
        long size = Math.max(1, points.size());
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            if (axis.getValue().isEmpty()) {
                throw new SweepException("grid axis '" + axis.getKey() + "' has no values");
            }
            size = Math.min(size * axis.getValue().size(), Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        // counted before anything is expanded: a 1,000 x 1,000 grid would fill the heap planning it
        if (size > MAX_POINTS) {
            throw new SweepException("the sweep has " + (size >= Long.MAX_VALUE / Integer.MAX_VALUE ? "too many" : String.format(java.util.Locale.ROOT, "%,d", size))
                    + " points, more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS) + "; split it into several sweeps");
        }
    }

    /** The most points one sweep may have: each is a training run with a folder of its own. */
    public static final int MAX_POINTS = 10_000;

    /** Every point, in order: listed points outermost, then the grid axes in the order written, the last varying fastest. */
    public List<SweepPoint> expand() {
        List<Map<String, String>> listed = points.isEmpty() ? List.of(Map.of()) : points;
        List<Map<String, String>> combos = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<SweepPoint> out = new ArrayList<>();
        for (Map<String, String> own : listed) {
            for (Map<String, String> combo : combos) {
                Map<String, String> varying = new LinkedHashMap<>(own);
                varying.putAll(combo);
                out.add(new SweepPoint(id(out.size() + 1, varying), settings(varying)));
            }
        }
        return out;
    }

    private Map<String, String> settings(Map<String, String> varying) {
        Map<String, String> s = new LinkedHashMap<>(base);
        String variant = varying.getOrDefault("variant", base.get("variant"));
        if (variant != null) {
            Map<String, String> v = variants.get(variant);
            if (v == null) {
                throw new SweepException("variant '" + variant + "' is not among the sweep's variants " + variants.keySet());
            }
            s.putAll(v);
        }
        s.putAll(varying);
        s.remove("variant");
        if (variant != null) {
            // kept first, so that results name the variant rather than its bundle of settings
            Map<String, String> named = new LinkedHashMap<>();
            named.put("variant", variant);
            named.putAll(s);
            return named;
        }
        return s;
    }

    /** A folder name that says what varies: p03-label-smoothing-0.1-seed-2. */
    private static String id(int index, Map<String, String> varying) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "p%02d", index));
        for (Map.Entry<String, String> e : varying.entrySet()) {
            b.append('-').append(e.getKey()).append('-').append(e.getValue());
        }
        return b.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A sweep built in code, the same as a sweep file: {@code SweepSpec.named("smoothing").base("model", "inception-mini").grid("seed", 1, 2, 3).build()}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Collects a sweep's parts in the order a sweep file writes them; values as on the command line. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> base = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        private final Map<String, List<String>> grid = new LinkedHashMap<>();
        private final List<Map<String, String>> points = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder base(String setting, Object value) {
            base.put(setting, String.valueOf(value));
            return this;
        }

        /** A named bundle of settings, given as setting, value, setting, value... */
        public Builder variant(String variant, Object... settingsAndValues) {
            variants.put(variant, pairs(settingsAndValues));
            return this;
        }

        public Builder grid(String setting, Object... values) {
            List<String> v = new ArrayList<>();
            for (Object o : values) {
                v.add(String.valueOf(o));
            }
            grid.put(setting, v);
            return this;
        }

        /** One listed point, given as setting, value, setting, value... */
        public Builder point(Object... settingsAndValues) {
            points.add(pairs(settingsAndValues));
            return this;
        }

        public SweepSpec build() {
            if (grid.isEmpty() && points.isEmpty()) {
                throw new SweepException("the sweep varies nothing (give a grid, points, or both)");
            }
            return new SweepSpec(name, base, variants, grid, points);
        }

        private static Map<String, String> pairs(Object[] kv) {
            if (kv.length % 2 != 0) {
                throw new SweepException("settings come in pairs (setting, value), got " + kv.length + " items");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
            }
            return m;
        }
    }
}
