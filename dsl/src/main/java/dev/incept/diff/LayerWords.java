package dev.incept.diff;

import dev.incept.analysis.ResolvedLayer;

/** A resolved layer in the words a teacher would use, with its article: "a 5x5 conv 192->32". */
final class LayerWords {
    private LayerWords() {
    }

    static String withArticle(ResolvedLayer l) {
        return withArticle(l.label().words());
    }

    static String withArticle(String phrase) {
        boolean vowelSound = "aeiou8".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0
                || phrase.startsWith("11x") || phrase.startsWith("18x");
        return (vowelSound ? "an " : "a ") + phrase;
    }
}
