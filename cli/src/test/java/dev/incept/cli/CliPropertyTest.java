package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.json.SpecJson;
import dev.incept.spec.Layers;
import dev.incept.spec.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random options and random descriptions through the command's entry point, in-process: whatever
 * goes in, incept answers with exit 0 (it trained), 1 (data, file or machine), 2 (usage) or 3
 * (diverged); an error is one line and never a stack trace; a refused training leaves no folder.
 */
class CliPropertyTest {
    private static final String BASE = SpecJson.write(Network.builder("tiny").input(1, 28, 28)
            .block("stem", Layers.conv(8, 3).stride(2))
            .add(Layers.concat("mixed", Layers.conv(4, 1), Layers.seq(Layers.conv(4, 1), Layers.conv(4, 3)),
                    Layers.seq(Layers.avgPool(3, 1).same(), Layers.conv(4, 1))))
            .add(Layers.globalAvgPool(), Layers.dense(10))
            .aux("side", "stem", 0.3, Layers.globalAvgPool(), Layers.dense(10))
            .build());
    private static final String[] OPTIONS = {"--epochs", "--batch", "--lr", "--lr-decay", "--lr-every", "--warmup", "--momentum",
        "--weight-decay", "--label-smoothing", "--aux-weight", "--clip-norm", "--ema", "--random-erase", "--input", "--optimizer",
        "--recipe", "--engine", "--device", "--metrics", "--seed", "--train-limit", "--test-limit", "--data", "--bogus"};
    private static final String[] VALUES = {"0", "1", "2", "-1", "0.5", "0.999", "1.0", "1.5", "7", "28", "1e6", "1e308", "-1e-9",
        "NaN", "Infinity", "abc", "", "2147483648", "99999", "sgd", "adam", "rmsprop", "paper", "default", "mxnet", "gpu", "jsonl",
        "fashion-mnist:/nowhere", "0x10", "3.5e-2", "5000"};

    @Test
    void randomTrainingOptionsEndInAKnownExitAndOneLine(@TempDir Path dir) throws IOException {
        RealData.assumeFashionMnist();
        Random random = new Random(20261126);
        Path spec = Files.writeString(dir.resolve("tiny.json"), BASE);
        int trained = 0;
        for (int trial = 0; trial < 40; trial++) {
            List<String> args = new ArrayList<>(List.of("train"));
            args.add(random.nextInt(4) == 0 ? "inception-mini" : "--spec=" + spec);
            for (int k = random.nextInt(4); k > 0; k--) {
                args.add(OPTIONS[random.nextInt(OPTIONS.length)]);
                args.add(VALUES[random.nextInt(VALUES.length)]);
            }
            if (random.nextInt(5) == 0) {
                args.add("--aux");
            }
            Path out = dir.resolve("run" + trial);
            // small, whatever else was drawn: the later value of an option wins
            args.addAll(List.of("--epochs", "1", "--train-limit", "64", "--test-limit", "32", "--out", out.toString()));
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertWellBehaved(r, args);
            if (r.code() == 0) {
                trained++;
            } else {
                assertFalse(Files.exists(out), "a refused run left " + out + " behind: " + args);
            }
        }
        assertTrue(trained > 3, "some draws are valid and train: " + trained);
    }

    @Test
    void randomDescriptionsEndInAKnownExitAndOneLine(@TempDir Path dir) throws IOException {
        Random random = new Random(7);
        int valid = 0;
        for (int trial = 0; trial < 300; trial++) {
            Path file = Files.write(dir.resolve("d" + trial + ".json"), mutate(BASE, random));
            List<String> args = List.of("summary", "--spec", file.toString(), "--depth", "2");
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertWellBehaved(r, args);
            valid += r.code() == 0 ? 1 : 0;
        }
        assertTrue(valid > 10 && valid < 290, "both valid and invalid descriptions were drawn: " + valid);
    }

    private static void assertWellBehaved(CliRun r, List<String> args) {
        assertTrue(Set.of(0, 1, 2, 3).contains(r.code()), "exit " + r.code() + " for " + args + "\n" + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "a stack trace for " + args + ":\n" + r.err());
        if (r.code() != 0) {
            assertEquals(1, r.err().strip().lines().count(), "one line for " + args + ":\n" + r.err());
            assertTrue(r.err().startsWith("incept: "), r.err());
        }
    }

    /** The text with a few random edits: a digit changed, a character dropped or doubled, bytes that are not UTF-8. */
    private static byte[] mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.setCharAt(at, Character.forDigit(random.nextInt(10), 10));
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, s.charAt(at));
                case 3 -> s.insert(at, "-" + random.nextInt(100000));
                case 4 -> s.append(random.nextBoolean() ? "{}" : " ");
                default -> {
                    byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
                    b[at % b.length] = (byte) 0xC3;
                    return b;
                }
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
