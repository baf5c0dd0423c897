package dev.incept.train;

import dev.incept.data.Images;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import java.util.List;

/** Whether data can train a network at all, said before the first step rather than as an engine's shape error. */
final class DataCheck {
    private DataCheck() {
    }

    /** Refuses data whose channels or classes are not the network's ({@code classes}: its logits' width). */
    static void fits(Network network, int classes, Images train, Images test) {
        FeatureShape in = network.input();
        for (Images set : List.of(train, test)) {
            if (set.channels() != in.channels()) {
                throw new IllegalArgumentException("the network '" + network.name() + "' reads " + in.channels()
                        + " channel(s) but the data has " + set.channels());
            }
        }
        if (classes != train.classes()) {
            throw new IllegalArgumentException("the network '" + network.name() + "' has " + classes + " outputs but the data has "
                    + train.classes() + " classes; give its last dense layer " + train.classes() + " units");
        }
    }
}
