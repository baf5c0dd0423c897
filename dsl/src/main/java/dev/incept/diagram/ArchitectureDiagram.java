package dev.incept.diagram;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.Pool;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import java.util.List;
import java.util.Locale;

/**
 * An SVG drawing of a description: layers top to bottom, a concat's branches side by side, a
 * residual's shortcut drawn beside its body, and each edge labelled with the shape that flows
 * along it (from the analysis, so the picture and the numbers cannot disagree). Repeats are drawn
 * once with their count, so Inception-ResNet's 20 blocks stay readable.
 */
public final class ArchitectureDiagram {
    static final int BOX_H = 24;
    static final int GAP = 26;
    static final int HGAP = 14;
    static final int CHAR_W = 7;

    private final Analysis analysis;
    private final StringBuilder svg = new StringBuilder();

    private ArchitectureDiagram(Analysis analysis) {
        this.analysis = analysis;
    }

    public static String svg(Network network) {
        return svg(network, Analyzer.analyze(network, Convention.PYTORCH, false));
    }

    public static String svg(Network network, Analysis analysis) {
        ArchitectureDiagram d = new ArchitectureDiagram(analysis);
        return d.draw(d.sequence(analysis.layers(), "input " + network.input()));
    }

    /**
     * The network folded to its stages: each top-level block one box with its label and the shape
     * it hands on, so that a wide network (Inception-ResNet, v4) reads at a glance; {@link #block}
     * draws any one of them whole.
     */
    public static String stages(Network network, Analysis analysis) {
        ArchitectureDiagram d = new ArchitectureDiagram(analysis);
        List<Node> parts = new java.util.ArrayList<>();
        List<String> shapes = new java.util.ArrayList<>();
        parts.add(new Box("input " + network.input(), "#eeeeee"));
        shapes.add(null);
        for (ResolvedLayer l : analysis.layers()) {
            parts.add(l.children().isEmpty() ? d.node(l) : box(l, "#fff6bf"));
            shapes.add(l.output().toString());
        }
        shapes.remove(shapes.size() - 1);
        return d.draw(new Stack(parts, shapes));
    }

    /** One block of the resolved tree, drawn whole from the shape it takes. */
    public static String block(Analysis analysis, ResolvedLayer block) {
        ArchitectureDiagram d = new ArchitectureDiagram(analysis);
        return d.draw(d.sequence(List.of(block), block.path() + " · input " + block.input()));
    }

    /** The width in pixels of a drawing this class made. */
    public static int width(String svg) {
        return dimension(svg, "width");
    }

    /** The height in pixels of a drawing this class made. */
    public static int height(String svg) {
        return dimension(svg, "height");
    }

    private static int dimension(String svg, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg [^>]*?\\b" + name + "=\"(\\d+)\"").matcher(svg);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String draw(Node root) {
        ArchitectureDiagram d = this;
        int width = root.width + 40;
        int height = root.height + 40;
        d.svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        d.svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        root.draw(d, 20, 20);
        d.svg.append("</svg>\n");
        return d.svg.toString();
    }

    /** A laid-out piece: its size, and how to draw it with its top-left corner at (x, y). */
    abstract static class Node {
        int width;
        int height;

        abstract void draw(ArchitectureDiagram d, int x, int y);

        /** Horizontal centre of the piece's entry and exit, relative to its left edge. */
        int center() {
            return width / 2;
        }
    }

    private static final class Box extends Node {
        final String label;
        final String fill;

        Box(String label, String fill) {
            this.label = label;
            this.fill = fill;
            this.width = Math.max(70, label.length() * CHAR_W + 16);
            this.height = BOX_H;
        }

        @Override
        void draw(ArchitectureDiagram d, int x, int y) {
            d.svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%s\" "
                    + "stroke=\"#555555\"/>%n", x, y, width, height, fill));
            d.text(x + width / 2, y + 16, label, "middle", "#000000");
        }
    }

    /** Children stacked vertically, each edge labelled with the shape leaving the upper child. */
    private static final class Stack extends Node {
        final List<Node> parts;
        final List<String> shapes;

        Stack(List<Node> parts, List<String> shapes) {
            this.parts = parts;
            this.shapes = shapes;
            int left = 0;
            int right = 0;
            for (Node p : parts) {
                left = Math.max(left, p.center());
                right = Math.max(right, p.width - p.center());
            }
            int labels = 0;
            for (String s : shapes) {
                labels = Math.max(labels, s == null ? 0 : s.length() * CHAR_W + 8);
            }
            this.width = left + Math.max(right, labels);
            this.height = parts.stream().mapToInt(p -> p.height).sum() + GAP * (parts.size() - 1);
            this.axis = left;
        }

        final int axis;

        @Override
        int center() {
            return axis;
        }

        @Override
        void draw(ArchitectureDiagram d, int x, int y) {
            int cy = y;
            for (int i = 0; i < parts.size(); i++) {
                Node p = parts.get(i);
                p.draw(d, x + axis - p.center(), cy);
                cy += p.height;
                if (i < parts.size() - 1) {
                    d.line(x + axis, cy, x + axis, cy + GAP, true);
                    if (shapes.get(i) != null) {
                        d.text(x + axis + 5, cy + GAP / 2 + 4, shapes.get(i), "start", "#1f5fa8");
                    }
                    cy += GAP;
                }
            }
        }
    }

    /** Branches side by side between a fan-out and a concatenation bar. */
    private static final class Branches extends Node {
        final List<Node> branches;
        final List<String> shapes;
        final Box join;
        final boolean residual;

        Branches(List<Node> branches, List<String> shapes, Box join, boolean residual) {
            this.branches = branches;
            this.shapes = shapes;
            this.join = join;
            this.residual = residual;
            int w = branches.stream().mapToInt(b -> b.width).sum() + HGAP * (branches.size() - 1);
            this.width = Math.max(w, join.width) + (residual ? 40 : 0);
            int tallest = branches.stream().mapToInt(b -> b.height).max().orElse(0);
            this.height = GAP / 2 + tallest + GAP + join.height;
        }

        @Override
        int center() {
            return (width - (residual ? 40 : 0)) / 2;
        }

        @Override
        void draw(ArchitectureDiagram d, int x, int y) {
            int inner = width - (residual ? 40 : 0);
            int total = branches.stream().mapToInt(b -> b.width).sum() + HGAP * (branches.size() - 1);
            int bx = x + (inner - total) / 2;
            int top = y + GAP / 2;
            int tallest = branches.stream().mapToInt(b -> b.height).max().orElse(0);
            int joinY = top + tallest + GAP;
            int jx = x + (inner - join.width) / 2;
            for (int i = 0; i < branches.size(); i++) {
                Node b = branches.get(i);
                int cx = bx + b.center();
                d.line(x + inner / 2, y, cx, top, false);
                b.draw(d, bx, top);
                d.line(cx, top + b.height, cx, joinY - 10, false);
                d.line(cx, joinY - 10, x + inner / 2, joinY, true);
                if (shapes.get(i) != null) {
                    d.text(cx + 4, top + b.height + 12, shapes.get(i), "start", "#1f5fa8");
                }
                bx += b.width + HGAP;
            }
            join.draw(d, jx, joinY);
            if (residual) {
                // The shortcut: from the block's entry down the right side into the sum.
                int sx = x + width - 12;
                d.svg.append(String.format(Locale.ROOT, "<path d=\"M %d %d H %d V %d H %d\" fill=\"none\" stroke=\"#c0392b\" "
                        + "stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>%n", x + inner / 2, y, sx, joinY + BOX_H / 2, jx + join.width));
                d.text(sx - 2, y + 12, "shortcut", "end", "#c0392b");
            }
        }
    }

    private Node sequence(List<ResolvedLayer> layers, String head) {
        List<Node> parts = new java.util.ArrayList<>();
        List<String> shapes = new java.util.ArrayList<>();
        if (head != null) {
            parts.add(new Box(head, "#eeeeee"));
            shapes.add(null);
        }
        for (ResolvedLayer l : layers) {
            parts.add(node(l));
            shapes.add(l.output().toString());
        }
        // The edge after the last part is the caller's; keep one label per edge between parts.
        shapes.remove(shapes.size() - 1);
        if (head != null) {
            shapes.set(0, null);
        }
        return new Stack(parts, shapes);
    }

    /** A concat's or a split's branches side by side, joined in the box that names the layer. */
    private Node sideBySide(ResolvedLayer at) {
        List<Node> parts = new java.util.ArrayList<>();
        List<String> shapes = new java.util.ArrayList<>();
        for (ResolvedLayer branch : at.children()) {
            parts.add(node(branch));
            shapes.add(branch.output().toString());
        }
        return new Branches(parts, shapes, box(at, "#fff6bf"), false);
    }

    private static Box box(ResolvedLayer l, String colour) {
        return new Box(l.label().box(), colour);
    }

    /**
     * The drawing of one layer. The four ways layers combine (in sequence, side by side, around a
     * sum, repeated) have their own figure; every other kind is a box with its label, coloured by
     * its family, so a new leaf kind is drawn without a change here.
     */
    private Node node(ResolvedLayer at) {
        Layer layer = at.layer();
        if (layer instanceof Sequence) {
            return sequence(at.children(), null);
        }
        if (layer instanceof Concat || layer instanceof ChannelSplit) {
            return sideBySide(at);
        }
        if (layer instanceof Repeat) {
            return new Stack(List.of(box(at, "#ffffff"), node(at.children().get(0))), java.util.Arrays.asList((String) null));
        }
        if (layer instanceof Residual r) {
            ResolvedLayer body = at.children().get(0);
            if (r.shortcut() != null) {
                // A shortcut with layers of its own is drawn as a branch beside the body.
                ResolvedLayer cut = at.children().get(at.children().size() - 1);
                return new Branches(List.of(node(body), node(cut)), List.of(body.output().toString(), cut.output().toString()),
                        box(at, "#f8d7d3"), false);
            }
            return new Branches(List.of(node(body)), java.util.Collections.singletonList(body.output().toString()),
                    box(at, "#f8d7d3"), true);
        }
        return box(at, colour(layer));
    }

    /** Square convolutions blue, factorised ones orange, depthwise teal, pools green, dense violet, the rest grey. */
    private static String colour(Layer layer) {
        if (layer instanceof Conv c) {
            return c.kernelH() != c.kernelW() ? "#fde9c8" : "#dbe9f7";
        }
        if (layer instanceof DepthwiseConv || layer instanceof SeparableConv) {
            return "#d6efef";
        }
        if (layer instanceof Pool || layer instanceof GlobalPool || layer instanceof AdaptiveAvgPool) {
            return "#e3f2df";
        }
        if (layer instanceof Dense) {
            return "#eadcf5";
        }
        return layer instanceof SqueezeExcite ? "#fde9d9" : "#f4f4f4";
    }

    void line(int x1, int y1, int x2, int y2, boolean arrow) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555555\"/>%n", x1, y1, x2, y2));
        if (arrow) {
            svg.append(String.format(Locale.ROOT, "<path d=\"M %d %d l -4 -6 h 8 z\" fill=\"#555555\"/>%n", x2, y2));
        }
    }

    void text(int x, int y, String s, String anchor, String color) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n", x, y, anchor, color,
                s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}
