package dev.incept.jupyter

import dev.incept.plot.SvgImages
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import java.util.Base64

/**
 * Pictures as every viewer shows them. Inline SVG (an image/svg+xml output, or <svg> inside HTML)
 * is stripped to its text by nbconvert's HTML sanitiser and left out of an untrusted notebook; an
 * <img> whose source is the SVG survives both, and a PNG beside it serves viewers that show only images.
 */
object Pictures {
    /** An <img> element showing [svg] at its own size, or with [fit] no wider than its box (scaled down to it). */
    fun img(svg: String, alt: String, fit: Boolean = false): String =
        "<img alt=\"${attribute(alt)}\" style=\"${if (fit) "max-width:100%;height:auto" else "max-width:none"}\" src=\"data:image/svg+xml;base64," +
            Base64.getEncoder().encodeToString(svg.toByteArray(Charsets.UTF_8)) + "\"/>"

    /** [svg] as HTML for front ends that render it, a PNG for the rest, [alt] as text. */
    fun of(svg: String, alt: String): MimeTypedResult = MIME(
        "text/html" to img(svg, alt),
        "image/png" to Base64.getEncoder().encodeToString(SvgImages.png(svg)),
        "text/plain" to alt,
    )

    private fun attribute(s: String) = s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
}
