package dev.incept.examples

import dev.incept.kotlin.SAME
import dev.incept.kotlin.VALID
import dev.incept.kotlin.network
import dev.incept.kotlin.pad
import dev.incept.kotlin.summary
import dev.incept.kotlin.x
import dev.incept.spec.Network

/** The same small Inception as CustomInception.java, in the Kotlin builder. */
fun fashionInception(): Network = network("fashion-inception") {
    input(1, 28)
    block("stem") { conv(32, 3); conv(64, 3, stride = 2, padding = pad(1)) }
    concat("mixed_a") {
        branch { conv(64, 1) }
        branch { conv(32, 1); conv(64, 3) }
        branch { conv(32, 1); conv(64, 3); conv(64, 3) }
        branch { avgPool(3, stride = 1, padding = SAME); conv(32, 1) }
    }
    concat("reduce") {
        branch { conv(96, 3, stride = 2, padding = VALID) }
        branch { conv(48, 1); conv(96, 3); conv(96, 3, stride = 2, padding = VALID) }
        branch { maxPool(3, stride = 2) }
    }
    residual(scale = 0.2, name = "res_b") {
        branch { conv(64, 1) }
        branch { conv(48, 1); conv(56, 1 x 7); conv(64, 7 x 1) }
    }
    globalAvgPool(); dropout(0.2); dense(10, name = "logits")
    aux("aux", after = "mixed_a", lossWeight = 0.3) {
        avgPool(5, stride = 3); conv(64, 1); globalAvgPool(); dense(10)
    }
}

fun main() {
    print(fashionInception().summary(depth = 1))
}
