package dev.incept.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Path segments for a block's children. Unnamed children get names from their kind (conv3x3,
 * maxpool, ...) or position (branch0.., repeat copies 1..n), so every block has a stable path
 * without the user naming everything.
 */
public final class Naming {
    private Naming() {
    }

    static String orEmpty(String name) {
        return name == null ? "" : name;
    }

    static <T> List<T> copyOf(List<T> items, String owner, String what) {
        if (items == null) {
            throw new SpecException(owner, what + " must not be null");
        }
        List<T> copy = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                throw new SpecException(owner, what + "[" + i + "] is null");
            }
            copy.add(item);
        }
        return List.copyOf(copy);
    }

    /** Segment names for the layers of a sequence. Explicit names must be unique; defaults never collide. */
    public static List<String> sequenceNames(String parentPath, List<Layer> layers) {
        return assign(parentPath, layers, false);
    }

    /** Segment names for the branches of a concat: unnamed branch i is "branch{i}". */
    public static List<String> branchNames(String parentPath, List<Layer> branches) {
        return assign(parentPath, branches, true);
    }

    /** The root of aux heads' paths: "aux/NAME/...". */
    public static final String AUX_ROOT = "aux";
    /** A residual body's segment when the body has no name of its own. */
    public static final String RESIDUAL_BODY = "body";
    /** The segment of a residual's 1x1 projection back to the input width. */
    public static final String PROJECTION = "project";
    /** A residual shortcut's segment when the shortcut has no name of its own. */
    public static final String SHORTCUT = "shortcut";

    /** The path of the aux head named {@code name}. */
    public static String auxPath(String name) {
        return join(AUX_ROOT, name);
    }

    /** The default name of the {@code index}-th aux head (0-based). */
    public static String defaultAuxName(int index) {
        return AUX_ROOT + (index + 1);
    }

    /** Whether {@code path} names a top-level layer (one segment). */
    public static boolean isTopLevel(String path) {
        return !path.contains("/");
    }

    public static String join(String parent, String segment) {
        return parent.isEmpty() ? segment : parent + "/" + segment;
    }

    private static List<String> assign(String parentPath, List<Layer> children, boolean positional) {
        Set<String> explicit = new HashSet<>();
        for (Layer child : children) {
            String n = child.name();
            if (n.isEmpty()) {
                continue;
            }
            checkSegment(parentPath, n);
            if (!explicit.add(n)) {
                throw new SpecException(parentPath, "two blocks are both named '" + n + "'");
            }
        }
        Set<String> taken = new HashSet<>(explicit);
        // Where each default name's numbering goes on: probing from _2 every time made naming
        // quadratic in the number of same-kind siblings (40,000 convolutions took 68 s).
        Map<String, Integer> nextSuffix = new HashMap<>();
        List<String> names = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            Layer child = children.get(i);
            if (!child.name().isEmpty()) {
                names.add(child.name());
                continue;
            }
            String base = positional ? "branch" + i : child.defaultName();
            String candidate = base;
            if (taken.contains(candidate)) {
                int k = nextSuffix.getOrDefault(base, 2);
                while (taken.contains(base + "_" + k)) {
                    k++;
                }
                candidate = base + "_" + k;
                nextSuffix.put(base, k + 1);
            }
            taken.add(candidate);
            names.add(candidate);
        }
        return names;
    }

    static void checkSegment(String parentPath, String name) {
        if (ControlCharacters.has(name)) {
            throw new SpecException(parentPath, "block name '" + name + "' holds control characters");
        }
        if (name.contains("/")) {
            throw new SpecException(parentPath, "block name '" + name + "' must not contain '/'");
        }
        if (name.isBlank()) {
            throw new SpecException(parentPath, "block name must not be blank");
        }
    }

    /** Exposed for the network's own name and aux head names. */
    public static void checkName(String parentPath, String name) {
        checkSegment(parentPath, name);
    }
}
