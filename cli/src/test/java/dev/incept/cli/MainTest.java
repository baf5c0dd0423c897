package dev.incept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.incept.json.SpecJson;
import dev.incept.zoo.Zoo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static void assertOneLineError(CliRun r, String mention) {
        assertTrue(r.code() != 0, "exit status");
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(mention), r.err());
    }

    @Test
    void modelsListsTheZooOneLineEach() {
        CliRun r = run("models");
        assertEquals(0, r.code());
        assertEquals(Zoo.models().size(), r.out().lines().count());
        assertTrue(r.out().contains("inception-resnet-v2"));
    }

    @Test
    void summaryJsonCarriesTotalsAndEveryBlock() throws Exception {
        CliRun r = run("summary", "inception-v3", "--aux", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(27_161_264L, j.get("params").asLong());
        assertEquals(27_161_264L, j.get("trainableParams").asLong());
        assertEquals(1000, j.get("outputShape").get(0).asInt());
        assertTrue(j.get("macs").asLong() > 5_700_000_000L);
        JsonNode first = j.get("blocks").get(0);
        assertEquals("stem", first.get("path").asText());
        assertEquals(List.of(192, 35, 35), List.of(first.get("outputShape").get(0).asInt(),
                first.get("outputShape").get(1).asInt(), first.get("outputShape").get(2).asInt()));
        assertTrue(first.has("params") && first.has("macs"));
    }

    @Test
    void summaryTextUsesTheRequestedConventionInputAndClasses() {
        assertTrue(run("summary", "inception-v3", "--convention", "keras").out().contains("23,851,784"));
        CliRun small = run("summary", "inception-v3", "--input", "160", "--classes", "10", "--channels", "1", "--depth", "1");
        assertEquals(0, small.code(), small.err());
        assertTrue(small.out().contains("input 160x160x1"));
        assertTrue(small.out().contains("mixed0/branch1"));
    }

    @Test
    void summaryReadsADescriptionFile(@TempDir Path dir) throws Exception {
        Zoo.Model m = Zoo.get("inception-resnet-v2");
        Path f = dir.resolve("irv2.json");
        SpecJson.write(m.build(m.defaults()), f);
        CliRun r = run("summary", "--spec", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(55_843_464L, new ObjectMapper().readTree(r.out()).get("params").asLong());
    }

    @Test
    void badNamesOptionsAndFilesGetOneLineErrors(@TempDir Path dir) throws Exception {
        assertOneLineError(run("summary", "inception-v9"), "unknown model 'inception-v9'");
        assertOneLineError(run("diff", "inception-v3", "/dev/null"), "/dev/null: a device, pipe or other special file, not a description file");
        assertOneLineError(run("summary", "inception-v3", "--format", "xml"), "--format");
        assertOneLineError(run("summary", "inception-v3", "--colour"), "unknown option --colour");
        assertOneLineError(run("summary", "inception-v3", "--input", "96", "--input=139"), "option --input is given twice");
        assertOneLineError(run("summary", "inception-v3", "--input", "-3"), "--input");
        assertOneLineError(run("summary", "inception-v3", "--convention", "tf"), "tf");
        assertOneLineError(run("frobnicate"), "unknown command");
        assertOneLineError(run("summary", "--spec", dir.resolve("none.json").toString()), "not found");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"input\": [1, 28, 28],\n \"layers\": [}");
        assertOneLineError(run("summary", "--spec", bad.toString()), "line 2");
        assertOneLineError(run("summary", "inception-v3", "--input", "20"), "larger than the padded input");
        assertOneLineError(run("bench", "--device", "tpu"), "--device must be cpu or gpu");
        assertOneLineError(run("bench", "--batch", "0"), "--batch");
        assertOneLineError(run("bench-case", "inception-mini", "mxnet", "batch=lots"), "batch= needs a positive integer");
        assertOneLineError(run("train", "--precision", "bf16", "--epochs", "1"), "cannot hold bfloat16 arrays");
        assertOneLineError(run("train", "--precision", "half", "--epochs", "1"), "--precision takes float32 or fp16, not 'half'");
        assertOneLineError(run("train", "--precision", "fp16", "--engine", "mxnet", "--epochs", "1"), "--precision fp16 needs the PyTorch engine");
    }

    @Test
    void helpIsAvailableForEveryCommand() {
        assertEquals(0, run("--help").code());
        assertTrue(run("summary", "--help").out().contains("--convention"));
        assertEquals(2, run().code());
    }
    @Test
    void aRunKilledDuringItsFirstCheckpointIsSaidSoAndItsPartialCheckpointRemoved(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(dev.incept.run.RunSpec.FILE_NAME), "{}");
        Path partial = Files.write(dir.resolve("." + dev.incept.run.Checkpoint.FILE_NAME + dev.incept.storage.DurableFile.TEMPORARY_SUFFIX), new byte[4096]);
        assertOneLineError(run("train", "--resume", dir.toString()), "stopped before its first checkpoint was complete");
        assertTrue(Files.notExists(partial));
        assertOneLineError(run("train", "--resume", Files.createDirectory(dir.resolve("empty")).toString()), "is it a run folder made by incept train?");
    }

    @Test
    void aDamagedRunJsonGetsOneLineNamingItForEvalAndResumeNotAnUnexpectedError(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve(dev.incept.run.Checkpoint.FILE_NAME), new byte[16]);
        for (String damage : List.of("{\"format\": \"incept-run/1\", \"network\": ", "\u0000\u00ff not json",
                "{\"format\": \"incept-run/1\", \"network\": {\"x\": 1}}")) {
            Files.writeString(dir.resolve(dev.incept.run.RunSpec.FILE_NAME), damage);
            for (CliRun r : List.of(run("eval", dir.toString()), run("train", "--resume", dir.toString(), "--epochs", "2"))) {
                assertOneLineError(r, "incept: run: ");
                assertTrue(r.err().contains("run.json is damaged") && !r.err().contains("unexpected"), r.err());
            }
        }
    }

    @Test
    void diffListsTheDifferingBlocksAndSaysWhereTheNetworksPart(@TempDir Path dir) throws Exception {
        CliRun r = run("diff", "googlenet", "googlenet-3x3", "--depth", "1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("3a/branch2"), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.strip().startsWith("3a/branch2/")), "--depth 1 stops above the convolutions");
        assertTrue(r.out().contains("first difference: 3a/branch2/conv5x5: a 5x5 conv 16->32"), r.out());
        Path file = dir.resolve("v3.json");
        Files.writeString(file, SpecJson.write(Zoo.get("inception-v3").build(Zoo.get("inception-v3").defaults())));
        CliRun same = run("diff", "inception-v3", file.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("the same network"), same.out());
        assertOneLineError(run("diff", "inception-v3"), "two networks");
    }

    @Test
    void gradingRefusesTwoSubmissionsThatWouldShareOneGradeFolder(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("homework.ipynb");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("homework.ipynb");
        Files.writeString(a, "{}");
        Files.writeString(b, "{}");
        CliRun r = run("assign", "grade", dir.resolve("no-autograder").toString(), a.toString(), b.toString(), "--out", dir.resolve("grades").toString());
        assertOneLineError(r, "two submissions are named homework");
        assertTrue(Files.notExists(dir.resolve("grades")));
    }
}
