package dev.incept.jupyter

import org.jetbrains.kotlinx.jupyter.api.KotlinKernelHost
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.lang.reflect.Proxy

/** A live display needs no display functions from the reader: it uses the running cell's kernel. */
class CellDisplaysTest {
    private val calls = mutableListOf<Pair<String, String>>()

    private fun host(): KotlinKernelHost = Proxy.newProxyInstance(javaClass.classLoader, arrayOf(KotlinKernelHost::class.java)) { _, m, args ->
        if (m.name == "display" || m.name == "updateDisplay") calls += m.name to (args?.getOrNull(1) as String? ?: "")
        null
    } as KotlinKernelHost

    @AfterEach
    fun forgetTheHost() {
        CellDisplays.host = null
    }

    @Test
    fun aLiveDisplayShowsOnceInTheRunningCellThenUpdatesThatDisplayByItsOwnId() {
        CellDisplays.host = host()
        val progress = LiveProgress("inception-mini")
        progress.onStep(1, 1, 2, 0.5, 0.25, 100.0)
        progress.onStep(1, 2, 2, 0.4, 0.5, 100.0)
        val line = LiveLine()
        line.accept("sweep: 0 done")
        assertEquals(listOf("display", "updateDisplay", "display"), calls.map { it.first })
        assertEquals(calls[0].second, calls[1].second)
        assertNotEquals(calls[0].second, calls[2].second, "each live display has its own id")
    }

    @Test
    fun outsideANotebookALiveDisplaySaysWhatItNeeds() {
        val e = assertThrows<IllegalStateException> { LiveProgress("x") }
        assertTrue(e.message!!.contains("%use incept"), e.message)
    }
}
