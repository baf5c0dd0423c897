package dev.incept.onnx;

import dev.incept.failure.InceptException;

/** An export that cannot be written: a block that does not fit its description, or a file that cannot be written. */
public final class OnnxException extends InceptException {
    public OnnxException(String message) {
        super("export", FAILED, message);
    }
}
