package dev.incept.kotlin

import dev.incept.analysis.Convention
import dev.incept.spec.Concat
import dev.incept.spec.Conv
import dev.incept.spec.Dense
import dev.incept.spec.Dropout
import dev.incept.spec.AdaptiveAvgPool
import dev.incept.spec.GlobalPool
import dev.incept.spec.Pool
import dev.incept.spec.Repeat
import dev.incept.spec.Residual
import dev.incept.spec.Sequence
import dev.incept.spec.SpecException
import dev.incept.zoo.InceptionResNetV2
import dev.incept.zoo.InceptionV3
import dev.incept.zoo.ModelConfig
import dev.incept.zoo.Zoo
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class BuildersTest {

    @Test
    fun `an Inception-v3 A block written in Kotlin equals the Java zoo's`() {
        val a = concat("mixed0") {
            branch { conv(64, 1) }
            branch { conv(48, 1); conv(64, 5) }
            branch { conv(64, 1); conv(96, 3); conv(96, 3) }
            branch { avgPool(3, stride = 1, padding = SAME); conv(32, 1) }
        }
        assertEquals(InceptionV3.blockA("mixed0", 32), a)
    }

    @Test
    fun `asymmetric kernels and splits read like the paper`() {
        val c = concat("mixed9") {
            branch { conv(320, 1) }
            branch { conv(384, 1); concat { branch { conv(384, 1 x 3) }; branch { conv(384, 3 x 1) } } }
            branch { conv(448, 1); conv(384, 3); concat { branch { conv(384, 1 x 3) }; branch { conv(384, 3 x 1) } } }
            branch { avgPool(3, stride = 1, padding = SAME); conv(192, 1) }
        }
        assertEquals(InceptionV3.blockC("mixed9"), c)
    }

    @Test
    fun `a residual block builds the same value as the Java API`() {
        val net = network("tiny") {
            input(3, 35)
            repeat(2, name = "block35") {
                residual(scale = 0.17) {
                    branch { conv(32, 1) }
                    branch { conv(32, 1); conv(32, 3) }
                    branch { conv(32, 1); conv(48, 3); conv(64, 3) }
                }
            }
        }
        val repeated = net.layers()[0] as dev.incept.spec.Repeat
        assertEquals(InceptionResNetV2.block35(), repeated.body())
    }

    @Test
    fun `a whole network analyses to the same numbers as the zoo's`() {
        val net = network("inception-v3") {
            input(3, 299)
            +InceptionV3.stem()
            +InceptionV3.blockA("mixed0", 32)
            +InceptionV3.blockA("mixed1", 64)
            +InceptionV3.blockA("mixed2", 64)
            +InceptionV3.reductionA("mixed3")
            for ((i, c7) in listOf(128, 160, 160, 192).withIndex()) +InceptionV3.blockB("mixed${4 + i}", c7)
            +InceptionV3.reductionB("mixed8")
            +InceptionV3.blockC("mixed9")
            +InceptionV3.blockC("mixed10")
            globalAvgPool(name = "avgpool")
            dropout(0.2, name = "dropout")
            dense(1000, name = "logits")
        }
        val zoo = InceptionV3.build(ModelConfig.imagenet(299))
        assertEquals(zoo, net)
        assertEquals(23_851_784L, net.analyze(Convention.KERAS).params())
    }

    @Test
    fun `aux heads attach by path and bad paths are named in the error`() {
        val ok = network("with-aux") {
            input(1, 28)
            block("stem") { conv(16, 3) }
            conv(32, 3, stride = 2, padding = VALID, name = "down")
            globalAvgPool(); dense(10)
            aux("aux", after = "stem", lossWeight = 0.3) { globalAvgPool(); dense(10) }
        }
        assertEquals("10", ok.analyze().auxOutputs()["aux"].toString())
        val bad = network("bad") {
            input(1, 28)
            conv(16, 3, name = "stem")
            aux("aux", after = "stme") { globalAvgPool(); dense(10) }
        }
        val e = assertThrows<SpecException> { bad.analyze() }
        assertTrue(e.message!!.contains("aux/aux") && e.message!!.contains("stme"), e.message)
    }

    @Test
    fun `a builder function returns nothing, so an option chained onto it cannot be lost`() {
        // Were conv() to return the Conv it added, `conv(32, 3).stride(2)` would compile, add the
        // unstrided convolution and drop the strided copy.
        val adders = setOf("add", "conv", "maxPool", "avgPool", "globalAvgPool", "globalMaxPool", "adaptiveAvgPool", "dropout", "dense",
            "block", "concat", "residual", "repeat")
        val methods = LayersBuilder::class.java.methods.filter { it.name in adders || it.name.substringBefore('$') in adders }
        assertEquals(adders, methods.map { it.name.substringBefore('$') }.toSet())
        methods.forEach { assertEquals(Void.TYPE, it.returnType, "${it.name} returns ${it.returnType}") }
        val net = network("strided") {
            input(3, 32)
            conv(32, 3, stride = 2)
            globalAvgPool(); dense(10)
        }
        assertEquals(2, (net.layers()[0] as dev.incept.spec.Conv).strideH())
    }
    @Test
    fun `the builder can write every layer kind there is`() {
        // The compiler cannot remind the builder of a new kind:
        // this test fails until it can write one.
        val net = network("every-kind") {
            input(3, 16)
            conv(8, 3)
            avgPool(3, stride = 1, padding = SAME)
            block("seq") { conv(8, 1) }
            concat { branch { conv(8, 1) }; branch { conv(8, 3) } }
            residual(0.2, name = "res") { branch { conv(8, 1) }; branch { conv(8, 3) } }
            repeat(2, name = "rep") { conv(8, 3) }
            lrn(); batchNorm(); groupNorm(4); squeezeExcite(4); activation(GELU); depthwise(3); separable(8, 3); conv(8, 3, groups = 2)
            split(listOf(4, 2, 2)) { branch { identity() }; branch { depthwise(3) }; branch { depthwise(1 x 11) } }
            residual(1.0, project = false, activation = LINEAR, dropPath = 0.1) { branch { layerNorm(); layerScale(1e-6) } }
            residual(1.0, project = false, activation = LINEAR, shortcut = { conv(8, 1, stride = 2) }) { branch { maxPool(3, stride = 2, padding = SAME) } }
            concat { branch { adaptiveAvgPool(3, 2); flatten() }; branch { globalAvgPool() } }; dropout(0.2); dense(10); activation(SOFTMAX)
        }
        val kinds = sortedSetOf<String>()
        fun walk(layer: dev.incept.spec.Layer) {
            kinds += layer.javaClass.simpleName
            layer.children().forEach { walk(it) }
        }
        net.layers().forEach { walk(it) }
        assertEquals(dev.incept.spec.Layer::class.java.permittedSubclasses.map { it.simpleName }.toSortedSet(), kinds)
    }

    @Test
    fun `diff names the blocks where a network parts from its reference, with its own counts minus the reference's`() {
        fun net(stem7x7: Boolean) = network("n") {
            input(1, 28)
            if (stem7x7) block("stem") { conv(64, 7, stride = 2) } else block("stem") { conv(32, 3, stride = 2); conv(64, 3) }
            globalAvgPool(); dense(10, name = "logits")
        }
        val text = net(stem7x7 = false).diff(net(stem7x7 = true), depth = 0)
        // 3x3 1->32 (288 + 64 BN) and 3x3 32->64 (18,432 + 128 BN) against 7x7 1->64 (3,136 + 128 BN)
        assertTrue(text.lines().any { it.startsWith("stem ") && it.contains("differs") && it.contains("+15,648") }, text)
        assertTrue(text.contains("first difference: stem"), text)
        assertTrue(net(true).diff(net(true)).contains("the same network"))
    }
}

class ZooModelsTest {
    @Test
    fun `a zoo model is built with named settings that default to its card`() {
        val mini = Zoo.get("inception-mini").network(aux = true)
        assertEquals(dev.incept.spec.FeatureShape.of(1, 28, 28), mini.input())
        assertEquals(1, mini.auxHeads().size)
        assertEquals(Zoo.get("inception-mini").build(ModelConfig(10, 1, 28, true, true)), mini)
        assertEquals(10, Zoo.get("inception-v3").network(classes = 10, input = 139).analyze(includeAux = false).output().channels())
    }
}
