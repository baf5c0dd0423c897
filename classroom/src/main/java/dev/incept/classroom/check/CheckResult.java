package dev.incept.classroom.check;

/** One check's outcome: the points it earned of its maximum, and why any were lost. */
public record CheckResult(String question, String name, double score, double max, String message) {
    public boolean full() {
        return score >= max;
    }
}
