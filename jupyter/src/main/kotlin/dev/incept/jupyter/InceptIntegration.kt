package dev.incept.jupyter

import dev.incept.analysis.Analyzer
import dev.incept.analysis.Convention
import dev.incept.analysis.SummaryTable
import dev.incept.diagram.ArchitectureDiagram
import dev.incept.plot.Curves
import dev.incept.plot.SvgImages
import dev.incept.spec.Network
import dev.incept.train.History
import java.util.Base64
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterIntegration

/**
 * Loaded by the Kotlin kernel when a notebook depends on incept-jupyter: imports incept's
 * packages and renders its values. A description shows its summary table beside its
 * architecture diagram; a training history shows its curves. Everything renders offline, as
 * pictures every viewer shows ([Pictures]).
 */
class InceptIntegration : JupyterIntegration() {
    override fun Builder.onLoaded() {
        import(
            "dev.incept.spec.*", "dev.incept.kotlin.*", "dev.incept.zoo.*", "dev.incept.analysis.*",
            "dev.incept.train.*", "dev.incept.run.*", "dev.incept.data.*", "dev.incept.engine.*", "dev.incept.jupyter.*",
        )
        render<Network> { networkOutput(it) }
        render<History> { Pictures.of(historySvg(it), it.title()) }
    }
}

/**
 * The summary table and the diagram side by side, as HTML (the diagram an image, see [Pictures]);
 * the diagram as a PNG and the table as text for viewers that show neither HTML nor SVG.
 */
fun networkOutput(net: Network): MimeTypedResult {
    val analysis = Analyzer.analyze(net, Convention.PYTORCH, net.auxHeads().isNotEmpty())
    val table = SummaryTable.render(analysis, 0)
    val svg = ArchitectureDiagram.svg(net, Analyzer.analyze(net, Convention.PYTORCH, false))
    val html = "<div style=\"display:flex;gap:24px;align-items:flex-start\"><pre style=\"font-size:11px\">" +
        table.replace("&", "&amp;").replace("<", "&lt;") + "</pre>" +
        "<div style=\"max-height:900px;overflow:auto\">" + Pictures.img(svg, "the architecture of " + net.name()) + "</div></div>"
    return MIME("text/html" to html, "image/png" to Base64.getEncoder().encodeToString(SvgImages.png(svg)), "text/plain" to table)
}

fun historySvg(history: History): String = SvgImages.svg(Curves.spec(history.epochs(), history.title()), 800.0, 360.0)
