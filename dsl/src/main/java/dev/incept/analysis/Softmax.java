package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.Repeat;
import dev.incept.spec.Sequence;
import dev.incept.spec.SpecException;
import java.util.List;

/**
 * Softmax turns logits into probabilities, so it may only be the very last operation of a network
 * or an aux head (Keras's {@code Dense(10, activation='softmax')}); anywhere else it is a mistake
 * the engines would train without complaint.
 */
final class Softmax {
    private Softmax() {
    }

    static void onlyAtTheEnd(List<ResolvedLayer> layers) {
        String last = lastLeaf(layers.get(layers.size() - 1)).path();
        check(layers, last);
    }

    private static void check(List<ResolvedLayer> layers, String last) {
        for (ResolvedLayer l : layers) {
            if (softmax(l) && !l.path().equals(last)) {
                throw new SpecException(l.path(), "softmax may only end the network or an aux head (the loss applies it to the logits)");
            }
            check(l.children(), last);
        }
    }

    private static ResolvedLayer lastLeaf(ResolvedLayer l) {
        boolean chain = l.layer() instanceof Sequence || l.layer() instanceof Repeat;
        return chain ? lastLeaf(l.children().get(l.children().size() - 1)) : l;
    }

    static boolean softmax(ResolvedLayer l) {
        ActivationKind kind = l.layer() instanceof Activation a ? a.kind()
                : l.layer() instanceof Conv c ? c.activation()
                : l.layer() instanceof Dense d ? d.activation() : null;
        return kind == ActivationKind.SOFTMAX;
    }
}
