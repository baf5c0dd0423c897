package dev.incept.jupyter

import dev.incept.classroom.check.Checks
import dev.incept.classroom.check.Part
import dev.incept.data.FashionMnist
import dev.incept.data.Split
import dev.incept.engine.Engines
import dev.incept.spec.Network
import dev.incept.train.OverfitProbe
import dev.incept.train.Trainer

// The checks an assignment's test cells call (see docs/teaching.md). Each prints
// its result; when the grader runs the cell, also a line it reads. They return nothing, so that a
// check as a cell's last line adds no value to the cell's output.

/** Full points when [body] is true; none when it is false or throws, with the reason. */
fun check(name: String, points: Double, body: () -> Boolean) {
    Checks.check(name, points) { body() }
}

/** Output shape, parameter count, multiply-adds and block structure against [reference], a quarter each. */
fun checkArchitecture(name: String, points: Double, student: Network, reference: Network) {
    Checks.architecture(name, points, student, reference)
}

/** Called by the grader first in each test cell it runs: which question, and the run's token. */
object Grading {
    fun question(id: String, token: String) = Checks.begin(id, token)
}

/**
 * Whether [student] can learn: at most [steps] steps, and [seconds] seconds, on one fixed batch of
 * 32 Fashion-MNIST training images with a fixed seed (OverfitProbe). A third of the points each:
 * every loss finite; every trained parameter, aux heads included, gets a gradient; the loss falls
 * (to half its start or lower: all of that third; to 90%: half of it), in bands, never to exact floats.
 */
fun checkTrains(name: String, points: Double, student: Network, steps: Int = 20, seconds: Int = 60) {
    val probe = try {
        require(student.input().channels() == 1) { "the network takes ${student.input().channels()} channels; Fashion-MNIST has 1" }
        OverfitProbe.run(student, FashionMnist.load(Split.TRAIN), 32, steps, seconds.toDouble(), Engines.fromEnvironment())
    } catch (e: Exception) {
        Checks.failed(name, points, "it could not train: ${e.message ?: e.javaClass.simpleName}")
        return
    }
    val losses = probe.losses()
    val first = losses.firstOrNull() ?: Float.NaN
    val last = losses.lastOrNull() ?: Float.NaN
    val ratio = probe.lossRatio()
    val falls = when {
        !probe.finite() -> 0.0
        ratio <= 0.5 -> 1.0
        ratio <= 0.9 -> 0.5
        else -> 0.0
    }
    val silent = probe.withoutGradient()
    Checks.parts(name, points, listOf(
        Part(1.0 / 3, if (probe.finite()) 1.0 else 0.0, "the loss was not finite after ${losses.size} steps (${losses.last()})"),
        Part(1.0 / 3, if (silent.isEmpty()) 1.0 else 0.0,
            "${silent.size} of ${probe.trained()} trained parameters got no gradient: ${silent.take(3).joinToString()}"),
        Part(1.0 / 3, falls, "the loss went from %.3f to %.3f in %d steps (%.0f%%; half or less earns all of this part)"
            .format(java.util.Locale.ROOT, first, last, losses.size, 100 * ratio)),
    ))
}

/**
 * How well [trained] classifies Fashion-MNIST's 10,000 test images, normalised as in training: all
 * the points at [atLeast] top-1 accuracy or more, half at [halfAt] or more, none below. In the
 * grader, [trained] is the network the student handed back, rebuilt from its weights in the
 * grading process, so the accuracy is the grader's own measurement.
 */
fun checkAccuracy(name: String, points: Double, trained: Trainer, atLeast: Double, halfAt: Double = atLeast - 0.05) {
    require(halfAt <= atLeast) { "halfAt ($halfAt) must not be above atLeast ($atLeast)" }
    val top1 = try {
        require(trained.network().input().channels() == 1) { "the network takes ${trained.network().input().channels()} channels; Fashion-MNIST has 1" }
        trained.evaluate(FashionMnist.load(Split.TRAIN), FashionMnist.load(Split.TEST))
    } catch (e: Exception) {
        Checks.failed(name, points, "it could not be evaluated: ${e.message ?: e.javaClass.simpleName}")
        return
    }
    val share = when {
        top1.top1() >= atLeast -> 1.0
        top1.top1() >= halfAt -> 0.5
        else -> 0.0
    }
    Checks.parts(name, points, listOf(Part(1.0, share, "test accuracy %.1f%% on %,d images (%.0f%% earns all the points, %.0f%% half)"
        .format(java.util.Locale.ROOT, 100 * top1.top1(), top1.count(), 100 * atLeast, 100 * halfAt))))
}
