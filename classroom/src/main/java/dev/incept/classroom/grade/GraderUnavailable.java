package dev.incept.classroom.grade;

import dev.incept.failure.InceptException;

/**
 * The grading kernel itself could not start or load incept, before any submission's answers were
 * in it: a fault of the machine or the installation, which grades no one, so the class's grading
 * stops with this one line instead of giving every student zero.
 */
public final class GraderUnavailable extends InceptException {
    public GraderUnavailable(String message) {
        super("", FAILED, message);
    }
}
