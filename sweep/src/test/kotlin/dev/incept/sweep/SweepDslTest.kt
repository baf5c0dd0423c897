package dev.incept.sweep

import dev.incept.run.TrainOption.EPOCHS
import dev.incept.run.TrainOption.MODEL
import dev.incept.run.TrainOption.OPTIMIZER
import dev.incept.run.TrainOption.SEED
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class SweepDslTest {
    @Test
    fun `a sweep written in Kotlin is the same as the builder that says the same`() {
        val kotlin = sweep("same") {
            base("model" to "inception-mini", "epochs" to 2)
            variant("wide", "model" to "inception-mini-2x")
            point("optimizer" to "sgd")
            grid("variant", "wide")
            grid("seed", 1, 2)
        }
        val java = SweepSpec.named("same").base("model", "inception-mini").base("epochs", 2)
            .variant("wide", "model", "inception-mini-2x").point("optimizer", "sgd").grid("variant", "wide").grid("seed", 1, 2).build()
        assertEquals(java, kotlin)
        assertEquals(listOf("inception-mini-2x", "--epochs", "2", "--optimizer", "sgd", "--seed", "2"), kotlin.expand()[1].trainArgs())
    }

    @Test
    fun `a sweep written with the option table's entries is the same as one written with their names`() {
        val named = sweep("same") {
            base("model" to "inception-mini", "epochs" to 2)
            variant("wide", "model" to "inception-mini-2x")
            point("optimizer" to "sgd")
            grid("seed", 1, 2)
        }
        val entries = sweep("same") {
            base(MODEL to "inception-mini", EPOCHS to 2)
            variant("wide", MODEL to "inception-mini-2x")
            point(OPTIMIZER to "sgd")
            grid(SEED, 1, 2)
        }
        assertEquals(named, entries)
    }
}
