package dev.incept.jupyter

import dev.incept.analysis.Analyzer
import dev.incept.analysis.Convention
import dev.incept.analysis.SummaryTable
import dev.incept.diagram.ArchitectureDiagram
import dev.incept.plot.Curves
import dev.incept.plot.SvgImages
import dev.incept.spec.Network
import dev.incept.train.History
import org.jetbrains.kotlinx.jupyter.api.HTML
import org.jetbrains.kotlinx.jupyter.api.MIME
import org.jetbrains.kotlinx.jupyter.api.libraries.JupyterIntegration

/**
 * Loaded by the Kotlin kernel when a notebook depends on incept-jupyter: imports incept's
 * packages and renders its values. A description shows its summary table beside its
 * architecture diagram; a training history shows its curves. Everything renders offline as SVG.
 */
class InceptIntegration : JupyterIntegration() {
    override fun Builder.onLoaded() {
        import(
            "dev.incept.spec.*", "dev.incept.kotlin.*", "dev.incept.zoo.*", "dev.incept.analysis.*",
            "dev.incept.train.*", "dev.incept.run.*", "dev.incept.data.*", "dev.incept.engine.*", "dev.incept.jupyter.*",
        )
        render<Network> { HTML(networkHtml(it), false) }
        render<History> { MIME("image/svg+xml" to historySvg(it)) }
    }
}

/** The summary table and the diagram side by side, as one HTML fragment. */
fun networkHtml(net: Network): String {
    val analysis = Analyzer.analyze(net, Convention.PYTORCH, net.auxHeads().isNotEmpty())
    val table = SummaryTable.render(analysis, 0).replace("&", "&amp;").replace("<", "&lt;")
    val svg = ArchitectureDiagram.svg(net, Analyzer.analyze(net, Convention.PYTORCH, false))
    return "<div style=\"display:flex;gap:24px;align-items:flex-start\"><pre style=\"font-size:11px\">$table</pre>" +
        "<div style=\"max-height:900px;overflow:auto\">$svg</div></div>"
}

fun historySvg(history: History): String = SvgImages.svg(Curves.spec(history.epochs(), history.title()), 800.0, 360.0)
