package dev.incept.jupyter

import dev.incept.analysis.Analyzer
import dev.incept.analysis.Convention

import dev.incept.analysis.SummaryTable
import dev.incept.diagram.ArchitectureDiagram
import dev.incept.plot.Curves
import dev.incept.plot.SvgImages
import dev.incept.spec.Network
import dev.incept.metrics.History
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
            "dev.incept.train.*", "dev.incept.optim.*", "dev.incept.precision.*", "dev.incept.metrics.*", "dev.incept.probe.*",
            "dev.incept.run.*", "dev.incept.data.*", "dev.incept.engine.*", "dev.incept.jupyter.*",
        )
        // The live displays of the running cell (LiveProgress, LiveLine) use its host's display.
        onLoaded { CellDisplays.host = this }
        beforeCellExecution { CellDisplays.host = this }
        render<Network> { networkOutput(it) }
        render<History> { Pictures.of(historySvg(it), it.title()) }
    }
}

/** A diagram wider or taller than this many pixels is shown folded to its stages, each block opened on demand. */
const val WIDE_DIAGRAM = 900
const val TALL_DIAGRAM = 1500

/**
 * The summary table and the diagram, as HTML: side by side where the page is wide enough, else the
 * diagram under the table, scaled to the page (never cut off); a diagram wider than [WIDE_DIAGRAM]
 * or taller than [TALL_DIAGRAM] (Inception-ResNet, v4) is folded to its stages with each block's own diagram in a fold below. The diagram is an image
 * (see [Pictures]); a PNG of it and the table as text serve viewers that show neither HTML nor SVG.
 */
fun networkOutput(net: Network): MimeTypedResult {
    val analysis = Analyzer.analyze(net, Convention.PYTORCH, net.auxHeads().isNotEmpty())
    val table = SummaryTable.render(analysis, 0)
    val plain = Analyzer.analyze(net, Convention.PYTORCH, false)
    val full = ArchitectureDiagram.svg(net, plain)
    val wide = ArchitectureDiagram.width(full) > WIDE_DIAGRAM || ArchitectureDiagram.height(full) > TALL_DIAGRAM
    val shown = if (wide) ArchitectureDiagram.stages(net, plain) else full
    val folds = if (!wide) "" else plain.layers().filter { it.children().isNotEmpty() }.joinToString("") { block ->
        "<details style=\"margin-top:4px\"><summary style=\"cursor:pointer\">" + escape(block.path() + " · " + block.label().box()) +
            "</summary>" + Pictures.img(ArchitectureDiagram.block(plain, block), "block " + block.path(), fit = true) + "</details>"
    }
    val html = "<div style=\"display:flex;flex-wrap:wrap;gap:16px 24px;align-items:flex-start;max-width:100%\">" +
        "<pre class=\"incept-summary\" style=\"font-size:11px;white-space:pre;overflow-x:auto;max-width:100%;margin:0\">" +
        escape(table) + "</pre>" +
        "<div style=\"flex:1 1 360px;min-width:0;max-width:100%\">" +
        Pictures.img(shown, (if (wide) "the stages of " else "the architecture of ") + net.name(), fit = true) + folds + "</div></div>"
    return MIME("text/html" to html, "image/png" to Base64.getEncoder().encodeToString(SvgImages.png(shown)), "text/plain" to table)
}

private fun escape(s: String) = s.replace("&", "&amp;").replace("<", "&lt;")

fun historySvg(history: History): String = SvgImages.svg(Curves.spec(history.epochs(), history.title()), 800.0, 360.0)
