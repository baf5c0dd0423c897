package dev.incept.weights;

import dev.incept.analysis.Analysis;
import dev.incept.compile.ParameterSlots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * incept's own tensor names, for any network: the layer's path in the resolved tree (inside its
 * aux head's name for a head), then the tensor's role, as {@code mixed/b2/conv.conv_weight}. They
 * change only when the description does, so a file written from one block loads into any block
 * compiled from the same description.
 */
final class OwnNames {
    private OwnNames() {
    }

    static List<PublishedNames.Name> of(Analysis a) {
        List<PublishedNames.Name> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParameterSlots.Slot s : ParameterSlots.of(a)) {
            String key = (s.auxHead() == null ? "" : "aux:" + s.auxHead() + "/") + s.layer().path() + "." + s.role().name().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw new WeightsException(a.network() + ": two tensors would be named " + key);
            }
            out.add(new PublishedNames.Name(key, s.layer().path(), false));
        }
        return out;
    }
}
