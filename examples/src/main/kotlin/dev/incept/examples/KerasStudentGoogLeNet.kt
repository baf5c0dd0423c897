package dev.incept.examples

import dev.incept.analysis.Convention
import dev.incept.kotlin.LayersBuilder
import dev.incept.kotlin.RELU
import dev.incept.kotlin.SAME
import dev.incept.kotlin.SOFTMAX
import dev.incept.kotlin.diff
import dev.incept.kotlin.network
import dev.incept.kotlin.summary
import dev.incept.spec.Network
import dev.incept.zoo.Zoo

/**
 * A student's Keras GoogLeNet, transcribed line for line from a class's slides (seed 004): batch
 * norm after the first pool and after the stem's 3x3 where the paper has LRN, convolutions with
 * biases and no batch norm, "same" pools, a Flatten and a linear Dense(256) before the softmax
 * classifier, and aux heads with Flatten -> Dense(256, relu) -> Dropout(0.4). Keras's compile()
 * without loss_weights weighs each of the three outputs 1.0.
 *
 * Keras pads a "same" 3x3/2 pool on one side only (bottom and right); incept pads 1 on each
 * side: the shapes and counts are Keras's, the border values of those pools may differ.
 */
fun kerasStudentGoogLeNet(): Network = network("keras-student-googlenet") {
    input(3, 224)
    block("stem") {
        conv(64, 7, stride = 2, batchNorm = false)
        maxPool(3, stride = 2, padding = SAME)
        batchNorm()
        conv(64, 1, batchNorm = false)
        conv(192, 3, batchNorm = false)
        batchNorm()
        maxPool(3, stride = 2, padding = SAME)
    }
    inception("3a", 64, 96, 128, 16, 32, 32)
    inception("3b", 128, 128, 192, 32, 96, 64)
    maxPool(3, stride = 2, padding = SAME, name = "pool3")
    inception("4a", 192, 96, 208, 16, 48, 64)
    inception("4b", 160, 112, 224, 24, 64, 64)
    inception("4c", 128, 128, 256, 24, 64, 64)
    inception("4d", 112, 144, 288, 32, 64, 64)
    inception("4e", 256, 160, 320, 32, 128, 128)
    maxPool(3, stride = 2, padding = SAME, name = "pool4")
    inception("5a", 256, 160, 320, 32, 128, 128)
    inception("5b", 384, 192, 384, 48, 128, 128)
    block("head") {
        avgPool(7, stride = 1); flatten(); dropout(0.4)
        dense(256); dense(1000, activation = SOFTMAX)
    }
    for ((name, after) in listOf("aux1" to "4a", "aux2" to "4d")) {
        aux(name, after = after, lossWeight = 1.0) {
            avgPool(5, stride = 3); conv(128, 1, batchNorm = false); flatten()
            dense(256, activation = RELU); dropout(0.4); dense(1000, activation = SOFTMAX)
        }
    }
}

/** The slides' inception(x, filters): four "same" paths, each convolution with a bias and a ReLU. */
private fun LayersBuilder.inception(name: String, c1: Int, r3: Int, c3: Int, r5: Int, c5: Int, pool: Int) = concat(name) {
    branch { conv(c1, 1, batchNorm = false) }
    branch { conv(r3, 1, batchNorm = false); conv(c3, 3, batchNorm = false) }
    branch { conv(r5, 1, batchNorm = false); conv(c5, 5, batchNorm = false) }
    branch { maxPool(3, stride = 1, padding = SAME); conv(pool, 1, batchNorm = false) }
}

/** What the student changed, against the paper's network as the zoo has it. */
fun kerasStudentDiff(): String =
    kerasStudentGoogLeNet().diff(Zoo.get("googlenet-paper").let { it.build(it.defaults().withAux(true)) }, convention = Convention.KERAS)

fun main() {
    print(kerasStudentGoogLeNet().summary(depth = 0, convention = Convention.KERAS))
    println()
    print(kerasStudentDiff())
}
