package dev.incept.jupyter

import dev.incept.metrics.EpochMetrics
import dev.incept.metrics.History
import dev.incept.metrics.TrainingListener
import java.util.Locale

/**
 * Live training progress in a notebook cell: one display that is updated in place (a line of
 * figures while an epoch runs, the curves after each epoch) instead of a wall of log lines.
 * `LiveProgress("inception-mini")` shows it in the running cell; elsewhere pass the display
 * functions: `LiveProgress({ DISPLAY(it, "run") }, { UPDATE_DISPLAY(it, "run") })`.
 */
class LiveProgress private constructor(private val place: InPlace, private val title: String) : TrainingListener {
    constructor(show: (Any) -> Unit, update: (Any) -> Unit, title: String = "training") : this(InPlace(show, update), title)

    /** In the running cell's own display, under [title]. */
    constructor(title: String = "training") : this(InPlace.inCell(), title)

    private val epochs = mutableListOf<EpochMetrics>()
    private var lastUpdate = 0L

    private fun put(value: Any) = place.put(value)

    override fun onResume(file: java.nio.file.Path, epochsDone: Int, earlier: MutableList<EpochMetrics>) {
        epochs.clear(); epochs.addAll(earlier)
    }

    override fun onStep(epoch: Int, step: Int, steps: Int, loss: Double, accuracy: Double, imagesPerSecond: Double) {
        val now = System.nanoTime()
        if (step != steps && now - lastUpdate < 500_000_000L) return
        lastUpdate = now
        val line = String.format(Locale.ROOT, "epoch %d, step %d/%d: loss %.4f, accuracy %.4f, %.0f images/s",
            epoch, step, steps, loss, accuracy, imagesPerSecond)
        put(org.jetbrains.kotlinx.jupyter.api.HTML("<pre>$line</pre>" + curvesOrEmpty()))
    }

    override fun onEpochEnd(metrics: EpochMetrics) {
        epochs.removeIf { it.epoch() >= metrics.epoch() }
        epochs.add(metrics)
        // the state a saved notebook keeps: a picture with its PNG (see Pictures)
        put(Pictures.of(historySvg(History(title, epochs)), title))
    }

    private fun curvesOrEmpty(): String = if (epochs.isEmpty()) "" else Pictures.img(historySvg(History(title, epochs)), title)

    fun history(): History = History(title, epochs)
}
