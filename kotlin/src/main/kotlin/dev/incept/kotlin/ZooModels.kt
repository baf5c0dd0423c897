package dev.incept.kotlin

import dev.incept.spec.Network
import dev.incept.zoo.ModelConfig
import dev.incept.zoo.Zoo

/**
 * A zoo model built with named settings, each defaulting to its card's:
 * `Zoo.get("inception-mini").network(aux = true)` is the mini for Fashion-MNIST (28x28, one
 * channel, 10 classes) with its aux head; `Zoo.get("inception-v3").network(classes = 10, input = 139)`.
 */
fun Zoo.Model.network(
    classes: Int = card().classes(), channels: Int = card().channels(), input: Int = card().input(),
    aux: Boolean = false, auxBatchNorm: Boolean = true,
): Network = build(ModelConfig(classes, channels, input, aux, auxBatchNorm))
