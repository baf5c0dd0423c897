package dev.incept.classroom.grade;

/** What a submission earned on one expected check, and why points were lost. */
public record CheckOutcome(ExpectedCheck check, double score, String message) {
}
