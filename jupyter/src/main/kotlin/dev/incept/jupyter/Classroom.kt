package dev.incept.jupyter

import dev.incept.classroom.check.Checks
import dev.incept.spec.Network

// The checks an assignment's test cells call (see the README, "Teaching with incept"). Each prints
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
