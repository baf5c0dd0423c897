package dev.incept.classroom.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.spec.Network;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The checks a test cell runs, and how their results leave the kernel. Each result is printed for
 * the student as one line; when grading, also as one line of JSON marked with the question and the
 * run's token, which the grader reads from the test cell's output only (see CheckVersion).
 */
public final class Checks {
    /** Prefix of the machine-read line: the marker, a space, the token, a space, the JSON. */
    public static final String MARK = "@@incept-check";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String question = "";
    private static String token = null;

    private Checks() {
    }

    /** Called first in every test cell the grader runs: the checks below belong to {@code id}. */
    public static synchronized void begin(String id, String runToken) {
        question = id;
        token = runToken;
    }

    /** Full points when {@code body} is true; none when false or when it throws, with the reason. */
    public static CheckResult check(String name, double points, BooleanSupplier body) {
        requirePoints(points);
        CheckResult r;
        try {
            r = body.getAsBoolean() ? result(name, points, points, "")
                    : result(name, 0, points, "the condition is false");
        } catch (Throwable t) {
            r = result(name, 0, points, "it threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        return report(r);
    }

    /** Output shape, parameters, multiply-adds and block structure, a quarter of the points each. */
    public static CheckResult architecture(String name, double points, Network student, Network reference) {
        requirePoints(points);
        CheckResult r;
        try {
            ArchitectureCheck.Outcome o = ArchitectureCheck.compare(student, reference);
            r = result(name, points * o.share(), points, o.message());
        } catch (RuntimeException e) {
            r = result(name, 0, points, "the network does not analyse: " + e.getMessage());
        }
        return report(r);
    }

    /** A check judged in parts (checkTrains): each part's share of the points, as far as it was earned. */
    public static CheckResult parts(String name, double points, java.util.List<Part> parts) {
        requirePoints(points);
        double total = parts.stream().mapToDouble(Part::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("the parts' shares add up to " + total + ", not 1");
        }
        double earned = parts.stream().mapToDouble(p -> p.share() * p.earned()).sum();
        String why = String.join("; ", parts.stream().filter(p -> p.earned() < 1).map(Part::message).toList());
        return report(result(name, points * earned, points, why));
    }

    /** A check that could not be judged at all: no points, and why. */
    public static CheckResult failed(String name, double points, String why) {
        requirePoints(points);
        return report(result(name, 0, points, why));
    }

    private static synchronized CheckResult result(String name, double score, double max, String message) {
        return new CheckResult(question, name, score, max, message);
    }

    private static void requirePoints(double points) {
        if (!(points > 0) || !Double.isFinite(points)) {
            throw new IllegalArgumentException("a check's points must be finite and > 0, got " + points);
        }
    }

    private static synchronized CheckResult report(CheckResult r) {
        PrintStream out = System.out;
        out.println(String.format(Locale.ROOT, "%s %s: %s/%s%s", r.full() ? "PASS" : "FAIL", r.name(), num(r.score()), num(r.max()),
                r.message().isEmpty() ? "" : " - " + r.message()));
        if (token != null) {
            ObjectNode o = JSON.createObjectNode();
            o.put("question", r.question()).put("name", r.name()).put("score", r.score()).put("max", r.max()).put("message", r.message());
            out.println(MARK + " " + token + " " + o);
        }
        out.flush();
        return r;
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
