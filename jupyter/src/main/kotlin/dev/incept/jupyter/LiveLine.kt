package dev.incept.jupyter

import org.jetbrains.kotlinx.jupyter.api.MIME
import java.util.function.Consumer

/** One display in a cell, shown once and then replaced in place by each later value. */
class InPlace(private val show: (Any) -> Unit, private val update: (Any) -> Unit) {
    private var shown = false

    fun put(value: Any) {
        if (shown) update(value) else { show(value); shown = true }
    }

    companion object {
        /** One display of the running cell, updated in place under an id of its own: what the kernel's DISPLAY and UPDATE_DISPLAY do. */
        fun inCell(): InPlace {
            val host = CellDisplays.host ?: throw IllegalStateException(
                "a live display needs a notebook's Kotlin kernel with incept loaded (%use incept, or @file:DependsOn incept-jupyter)")
            val id = "incept-" + CellDisplays.next.incrementAndGet()
            return InPlace({ host.display(it, id) }, { host.updateDisplay(it, id) })
        }
    }
}

/** The kernel that runs the current cell, as incept's integration last saw it. */
object CellDisplays {
    @Volatile
    var host: org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost? = null
    internal val next = java.util.concurrent.atomic.AtomicLong()
}

/**
 * A progress line shown in place rather than printed line after line, for anything that reports
 * lines to a `Consumer<String>`, such as a sweep:
 * `Sweep.run(spec, "local[1]", folder, mapOf(), LiveLine({ DISPLAY(it, "sweep") }, { UPDATE_DISPLAY(it, "sweep") }))`.
 */
class LiveLine private constructor(private val place: InPlace) : Consumer<String> {
    constructor(show: (Any) -> Unit, update: (Any) -> Unit) : this(InPlace(show, update))

    /** In the running cell's own display: `Sweep.run(spec, "local[1]", folder, mapOf(), LiveLine())`. */
    constructor() : this(InPlace.inCell())

    override fun accept(line: String) {
        place.put(MIME("text/html" to "<pre>" + line.replace("&", "&amp;").replace("<", "&lt;") + "</pre>", "text/plain" to line))
    }
}
