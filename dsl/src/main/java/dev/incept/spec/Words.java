package dev.incept.spec;

/** The pieces of wording that several kinds' labels share. */
final class Words {
    private Words() {
    }

    /** What a summary adds after a layer's activation: nothing for its usual one, else the activation's name. */
    static String after(ActivationKind a, ActivationKind usual) {
        return a == usual ? "" : " " + a.jsonName();
    }

    /** "3x3/2", "1x7 pad 0x3", "3x3 valid", "3x3 dil 2". */
    static String window(int kh, int kw, int sh, int sw, Padding padding) {
        String s = sh == sw ? (sh == 1 ? "" : "/" + sh) : "/" + sh + "x" + sw;
        String pad = padding instanceof Padding.Valid ? " valid"
                : padding instanceof Padding.Explicit e ? " pad " + e.height() + "x" + e.width() : "";
        return kh + "x" + kw + s + pad;
    }

    /** " dil 2" or " dil 2x4" for a dilated window, else nothing. */
    static String dilation(int dh, int dw) {
        return dh == 1 && dw == 1 ? "" : dh == dw ? " dil " + dh : " dil " + dh + "x" + dw;
    }

    /** The box's " /2" for a strided window. */
    static String boxStride(int sh, int sw) {
        return sh == 1 && sw == 1 ? "" : " /" + sh;
    }

    /** "/2", "/1x2" or nothing, as a teacher's words write a stride. */
    static String stride(int sh, int sw) {
        return sh == 1 && sw == 1 ? "" : sh == sw ? "/" + sh : "/" + sh + "x" + sw;
    }
}
