package dev.incept.classroom.sandbox;

import dev.incept.failure.InceptException;

/**
 * No sandbox or grading kernel can run here: bubblewrap is missing or cannot make a sandbox, the
 * grading kernel could not start or load incept before any submission's answers were in it, the
 * kernel's jars or engine libraries are missing. A fault of the machine or the installation, which
 * grades no one, so the class's grading stops with this one line instead of giving every student zero.
 */
public final class SandboxException extends InceptException {
    public SandboxException(String message) {
        super("", FAILED, message);
    }
}
