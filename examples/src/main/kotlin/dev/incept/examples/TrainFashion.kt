package dev.incept.examples

import dev.incept.data.Augment
import dev.incept.data.FashionMnist
import dev.incept.data.Split
import dev.incept.engine.Engines
import dev.incept.metrics.Evaluation
import dev.incept.optim.LearningRate
import dev.incept.metrics.ProgressBar
import dev.incept.train.TrainConfig
import dev.incept.train.Trainer

/**
 * The Kotlin twin of TrainCustomInception: the network from the Kotlin builder ([fashionInception]),
 * trained with label smoothing, clipping and a moving average, then evaluated.
 */
fun trainFashionInception(quick: Boolean): Evaluation {
    val train = FashionMnist.load(Split.TRAIN)
    val test = FashionMnist.load(Split.TEST)
    val config = TrainConfig.paper()
        .withEpochs(if (quick) 1 else 3)
        .withBatchSize(if (quick) 32 else 64)
        .withLearningRate(LearningRate.exponential(0.045, 0.7, 1.0))
        .withEmaDecay(0.999)
        .withAugment(Augment(2, true))
        .withLimits(if (quick) 3_000 else Int.MAX_VALUE, if (quick) 500 else Int.MAX_VALUE)
    Trainer(fashionInception(), config, Engines.fromEnvironment()).use { trainer ->
        trainer.listen(ProgressBar.forTerminal(System.out))
        return trainer.fit(train, test).last().test()
    }
}

/** Runs as `dev.incept.examples.TrainFashionKt`; `--quick` trains on 3,000 images for one epoch. */
fun main(args: Array<String>) {
    val e = trainFashionInception("--quick" in args)
    println("fashion-inception (Kotlin): test top-1 %.2f%%, top-5 %.2f%%, ECE %.4f on %d images"
        .format(100 * e.top1(), 100 * e.top5(), e.ece(), e.count()))
}
