package dev.incept.jupyter

import dev.incept.plot.SvgImages
import dev.incept.metrics.Evaluation
import dev.incept.metrics.History
import org.jetbrains.kotlinx.jupyter.api.MimeTypedResult

/**
 * The notebooks' comparison charts, drawn by Lets-Plot to SVG inside the kernel (no CDN) and shown
 * as [Pictures] (an image of the SVG, and a PNG): curves
 * of several runs on one axis, bars, and the calibration pictures of the label-smoothing study.
 */
object Charts {
    private fun plot(data: Map<String, List<Any?>>, mapping: Map<String, String>, layers: List<Map<String, Any>>,
                     title: String, extra: Map<String, Any> = emptyMap(), width: Double = 760.0, height: Double = 380.0): MimeTypedResult {
        val spec = linkedMapOf<String, Any>(
            "kind" to "plot", "data" to data, "mapping" to mapping, "layers" to layers,
            "ggtitle" to mapOf("text" to title),
        )
        spec.putAll(extra)
        return Pictures.of(SvgImages.svg(spec, width, height), title)
    }

    /** One line per run: a metric ("test_top1", "test_loss", "train_loss", "train_acc", "test_ece") per epoch. */
    fun compare(runs: Map<String, History>, metric: String = "test_top1", title: String = metric): MimeTypedResult {
        val epoch = mutableListOf<Any?>(); val value = mutableListOf<Any?>(); val run = mutableListOf<Any?>()
        for ((name, h) in runs) {
            for (m in h.epochs()) {
                epoch.add(m.epoch()); run.add(name)
                value.add(when (metric) {
                    "test_top1" -> m.test().top1(); "test_loss" -> m.test().loss(); "test_ece" -> m.test().ece()
                    "train_loss" -> m.trainLoss(); "train_acc" -> m.trainAccuracy()
                    else -> throw IllegalArgumentException("unknown metric $metric")
                })
            }
        }
        return plot(mapOf("epoch" to epoch, "value" to value, "run" to run), mapOf("x" to "epoch", "y" to "value", "color" to "run"),
            listOf(mapOf("geom" to "line", "size" to 1.2), mapOf("geom" to "point", "size" to 2.5)), title)
    }

    fun bars(title: String, labels: List<String>, values: List<Double>, axis: String = "value"): MimeTypedResult =
        plot(mapOf("label" to labels, axis to values), mapOf("x" to "label", "y" to axis),
            listOf(mapOf("geom" to "bar", "stat" to "identity", "fill" to "#4c78a8")), title)

    /** Accuracy against confidence per bin, with the diagonal of perfect calibration. */
    fun reliability(evals: Map<String, Evaluation>): MimeTypedResult {
        val conf = mutableListOf<Any?>(); val acc = mutableListOf<Any?>(); val run = mutableListOf<Any?>()
        for ((name, e) in evals) {
            for (b in e.binCount().indices) {
                if (e.binCount()[b] == 0L) continue
                conf.add(e.binConfidence()[b]); acc.add(e.binAccuracy()[b]); run.add("$name (ECE %.3f)".format(e.ece()))
            }
        }
        return plot(mapOf("confidence" to conf, "accuracy" to acc, "run" to run),
            mapOf("x" to "confidence", "y" to "accuracy", "color" to "run"),
            listOf(mapOf("geom" to "abline", "slope" to 1.0, "intercept" to 0.0, "linetype" to "dashed", "color" to "#888888"),
                mapOf("geom" to "line", "size" to 1.2), mapOf("geom" to "point", "size" to 3.0)),
            "reliability: accuracy against confidence")
    }

    /** How many test images fall in each confidence bin (15 bins over [0, 1]). */
    fun confidence(evals: Map<String, Evaluation>): MimeTypedResult {
        val bin = mutableListOf<Any?>(); val share = mutableListOf<Any?>(); val run = mutableListOf<Any?>()
        for ((name, e) in evals) {
            for (b in e.binCount().indices) {
                bin.add((b + 0.5) / e.binCount().size); share.add(e.binCount()[b].toDouble() / e.count()); run.add(name)
            }
        }
        return plot(mapOf("confidence" to bin, "share" to share, "run" to run),
            mapOf("x" to "confidence", "y" to "share", "fill" to "run"),
            listOf(mapOf("geom" to "bar", "stat" to "identity", "position" to "dodge")), "confidence of the predicted class")
    }
}
