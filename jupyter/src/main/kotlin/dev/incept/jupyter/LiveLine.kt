package dev.incept.jupyter

import org.jetbrains.kotlinx.jupyter.api.MIME
import java.util.function.Consumer

/** One display in a cell, shown once and then replaced in place by each later value. */
class InPlace(private val show: (Any) -> Unit, private val update: (Any) -> Unit) {
    private var shown = false

    fun put(value: Any) {
        if (shown) update(value) else { show(value); shown = true }
    }
}

/**
 * A progress line shown in place rather than printed line after line, for anything that reports
 * lines to a `Consumer<String>`, such as a sweep:
 * `Sweep.run(spec, "local[1]", folder, mapOf(), LiveLine({ DISPLAY(it, "sweep") }, { UPDATE_DISPLAY(it, "sweep") }))`.
 */
class LiveLine(show: (Any) -> Unit, update: (Any) -> Unit) : Consumer<String> {
    private val place = InPlace(show, update)

    override fun accept(line: String) {
        place.put(MIME("text/html" to "<pre>" + line.replace("&", "&amp;").replace("<", "&lt;") + "</pre>", "text/plain" to line))
    }
}
