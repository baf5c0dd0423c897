package dev.incept.spec;

/**
 * The three wordings of a placed layer: the summary's column ("conv 3x3/2 bn"), the diagram's
 * box ("conv 3x3 /2 · 32") and a teacher's noun phrase ("3x3/2 conv 3->32").
 */
public record LayerLabel(String summary, String box, String words) {
    /** One text for the summary and the box. */
    static LayerLabel of(String text, String words) {
        return new LayerLabel(text, text, words);
    }
}
