package dev.incept.examples;

import dev.incept.data.Augment;
import dev.incept.data.FashionMnist;
import dev.incept.data.Images;
import dev.incept.data.Split;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.Evaluation;
import dev.incept.optim.LearningRate;
import dev.incept.metrics.ProgressBar;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import java.util.List;

/**
 * Defines a custom Inception in the Java DSL ({@link CustomInception}), trains it on Fashion-MNIST
 * with the paper's recipe at a faster decay, and evaluates it. {@code --quick} trains on 3,000
 * images for one epoch (what the tests run); without it, 3 epochs on all 60,000.
 */
public final class TrainCustomInception {
    private TrainCustomInception() {
    }

    public static Evaluation run(boolean quick) {
        Network net = CustomInception.network();
        Images train = FashionMnist.load(Split.TRAIN);
        Images test = FashionMnist.load(Split.TEST);
        TrainConfig cfg = TrainConfig.paper()
                .withEpochs(quick ? 1 : 3)
                .withBatchSize(quick ? 32 : 64)
                .withLearningRate(LearningRate.exponential(0.045, 0.7, 1))
                .withEmaDecay(0.999)
                .withAugment(new Augment(2, true))
                .withLimits(quick ? 3_000 : Integer.MAX_VALUE, quick ? 500 : Integer.MAX_VALUE);
        try (Trainer trainer = new Trainer(net, cfg, Engines.fromEnvironment())) {
            trainer.listen(ProgressBar.forTerminal(System.out));
            List<EpochMetrics> history = trainer.fit(train, test);
            return history.get(history.size() - 1).test();
        }
    }

    public static void main(String[] args) {
        Evaluation e = run(List.of(args).contains("--quick"));
        System.out.printf("fashion-inception (Java): test top-1 %.2f%%, top-5 %.2f%%, ECE %.4f on %d images%n",
                100 * e.top1(), 100 * e.top5(), e.ece(), e.count());
    }
}
