package dev.incept.jupyter

import dev.incept.zoo.ModelConfig
import dev.incept.zoo.Zoo
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.Base64

class PicturesTest {
    private val drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#4c78a8\"/></svg>"

    private fun svgOfImg(html: String): String =
        String(Base64.getDecoder().decode(Regex("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)").find(html)!!.groupValues[1]))

    private fun isPng(base64: String) = Base64.getDecoder().decode(base64).copyOfRange(1, 4).contentEquals("PNG".toByteArray())

    @Test
    fun aPictureIsAnImageOfItsSvgWithAPngBesideItNeverInlineSvg() {
        val out = Pictures.of(drawing, "a \"bar\" <chart>")
        assertEquals(setOf("text/html", "image/png", "text/plain"), out.keys)
        assertFalse(out["text/html"]!!.contains("<svg"))
        assertEquals(drawing, svgOfImg(out["text/html"]!!))
        assertTrue(out["text/html"]!!.contains("alt=\"a &quot;bar&quot; &lt;chart>\""))
        assertTrue(isPng(out["image/png"]!!))
    }

    @Test
    fun aNetworkShowsItsTableBesideAnImageOfItsDiagramAndAsTextAndPngForOtherViewers() {
        val net = Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, false, true))
        val out = networkOutput(net)
        assertFalse(out["text/html"]!!.contains("<svg"))
        assertTrue(svgOfImg(out["text/html"]!!).contains("<svg"))
        assertTrue(out["text/plain"]!!.contains("mixed"), out["text/plain"])
        assertTrue(isPng(out["image/png"]!!))
    }

    @Test
    fun aWideNetworkIsFoldedToItsStagesWithEveryBlockOpenedOnDemandAndNothingDrawnWiderThanItsBox() {
        val net = Zoo.get("inception-resnet-v2").build(ModelConfig.imagenet(299))
        val html = networkOutput(net)["text/html"]!!
        val images = Regex("<img [^>]*>").findAll(html).map { it.value }.toList()
        assertTrue(images.all { it.contains("max-width:100%") }, "every picture scales to its box")
        assertTrue(images.first().contains("alt=\"the stages of inception-resnet-v2\""), images.first().take(120))
        val folds = Regex("<details").findAll(html).count()
        assertEquals(folds + 1, images.size, "one picture per fold, beside the stages")
        assertTrue(folds >= 5, "$folds folds")
        val stages = svgOfImg(html)
        assertTrue(dev.incept.diagram.ArchitectureDiagram.width(stages) <= WIDE_DIAGRAM && dev.incept.diagram.ArchitectureDiagram.height(stages) <= TALL_DIAGRAM)
        assertTrue(html.contains("white-space:pre"), "the table's rows never wrap")
    }

    @Test
    fun aLiveLineShowsOnceThenUpdatesInPlace() {
        val shown = mutableListOf<Any>()
        val updated = mutableListOf<Any>()
        val line = LiveLine({ shown.add(it) }, { updated.add(it) })
        line.accept("sweep: 0 done, 1 running <of> 2")
        line.accept("sweep: 2 done, 0 running, 0 failed of 2")
        assertEquals(1, shown.size)
        assertEquals(1, updated.size)
        @Suppress("UNCHECKED_CAST")
        assertEquals("<pre>sweep: 0 done, 1 running &lt;of> 2</pre>", (shown[0] as Map<String, String>)["text/html"])
    }
}
