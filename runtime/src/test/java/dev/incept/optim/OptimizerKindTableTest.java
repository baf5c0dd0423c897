package dev.incept.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted update and the torch shim's compiled copy branch on the numbers of
 * {@link OptimizerKind} and read each rule's operands in its order: a rule renumbered or an operand
 * moved in one copy and not the others would update with the wrong numbers, silently.
 */
class OptimizerKindTableTest {
    private static final Pattern BRANCH = Pattern.compile("rule == (\\d+)");
    private static final Pattern OPERAND = Pattern.compile("(\\w+) = hyper(?:\\[(\\d+)]|\\.at\\((\\d+)\\))");

    @ParameterizedTest
    @ValueSource(strings = {"src/main/python/fused_update.py", "src/main/native/incept_torch_shim.cpp"})
    void everyBackEndBranchesOnTheTablesNumbersAndReadsItsOperandsInOrder(String source) throws IOException {
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (OptimizerKind r : OptimizerKind.values()) {
            expected.put(r.code(), r.operands());
        }
        assertEquals(expected, branches(Files.readString(Path.of(source))), source);
    }

    /** Each {@code rule == N} branch's operands, by the index each is read from. */
    private static Map<Integer, List<String>> branches(String code) {
        Map<Integer, List<String>> out = new TreeMap<>();
        Matcher b = BRANCH.matcher(code);
        List<int[]> starts = new ArrayList<>();
        while (b.find()) {
            starts.add(new int[] {Integer.parseInt(b.group(1)), b.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : code.length();
            Map<Integer, String> byIndex = new LinkedHashMap<>();
            Matcher o = OPERAND.matcher(code.substring(starts.get(i)[1], end));
            while (o.find()) {
                byIndex.put(Integer.parseInt(o.group(2) != null ? o.group(2) : o.group(3)), o.group(1));
            }
            String[] names = new String[byIndex.size()];
            byIndex.forEach((index, name) -> names[index] = name);
            out.put(starts.get(i)[0], Arrays.asList(names));
        }
        return out;
    }
}
