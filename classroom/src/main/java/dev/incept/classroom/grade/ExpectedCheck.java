package dev.incept.classroom.grade;

/** A check the solution ran at build time: grading expects it of every submission. */
public record ExpectedCheck(String question, String name, double max, boolean hidden) {
}
