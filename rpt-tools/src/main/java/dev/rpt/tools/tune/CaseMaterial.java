package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.Role;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The text of the optimization cases, to catch a candidate that copies it: a prompt that quotes the cases the
 * optimizer saw (their questions, or their expected answers and worked solutions) scores well on them and says
 * nothing about the cases it will meet. A candidate copies when it holds a run of {@value #RUN} consecutive words of
 * some case's text that the seed does not hold.
 *
 * <p>Words are lower-cased runs of letters and digits, so punctuation and spacing do not hide a copy. The length
 * is calibrated on the sample project's 120 GSM8K cases ({@code CaseMaterialTests}): at six words 2 questions and 31
 * worked solutions share a run with another case, through natural phrasing alone ("how many ... does she have left");
 * at eight words none does; ten leaves a margin. A short answer such as {@code 18} or {@code (A)} is far below ten
 * words, so it never counts as copying.
 */
@API(status = INTERNAL, since = "0.2")
public final class CaseMaterial {

    /** How many consecutive words of a case make a copy. */
    public static final int RUN = 10;

    /** No case text: nothing is ever a copy. */
    public static final CaseMaterial NONE = new CaseMaterial(Map.of());

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Map<String, String> runs;

    private CaseMaterial(Map<String, String> runs) {
        this.runs = runs;
    }

    /** The material of the given (optimization-split) cases: every variable's value and every expected answer. */
    public static CaseMaterial of(List<CaseRecord> cases) {
        Map<String, String> runs = new HashMap<>();
        for (CaseRecord c : cases) {
            List<String> texts = new ArrayList<>(c.vars().values());
            c.failure().flatMap(CaseRecord.Failure::expected).ifPresent(texts::add);
            for (String text : texts) {
                for (String run : runs(words(text))) {
                    runs.putIfAbsent(run, c.id());
                }
            }
        }
        return new CaseMaterial(Map.copyOf(runs));
    }

    /**
     * What a candidate copied from the cases that the seed did not already hold: the case's id and the words, for
     * the optimizer's tool result. Empty when it copied nothing.
     */
    public Optional<Copy> copiedInto(PromptFile seed, PromptFile candidate) {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Set<String> inSeed = new HashSet<>(runs(words(sections(seed))));
        String system = candidate.sectionText(Role.SYSTEM);
        // The worked examples block quotes its own cases by design (the tuner built it from cases the optimizer was
        // allowed to use); it may quote no other case, and the rest of the prompt may quote none.
        Set<String> examples = Set.copyOf(WorkedExamples.ids(system));
        Optional<Copy> outside =
                copied(WorkedExamples.strip(system) + "\n" + candidate.sectionText(Role.USER), inSeed, Set.of());
        return outside.isPresent() ? outside : copied(WorkedExamples.block(system), inSeed, examples);
    }

    private Optional<Copy> copied(String text, Set<String> inSeed, Set<String> exempt) {
        for (String run : runs(words(text))) {
            String caseId = runs.get(run);
            if (caseId != null && !inSeed.contains(run) && !exempt.contains(caseId)) {
                return Optional.of(new Copy(caseId, run));
            }
        }
        return Optional.empty();
    }

    /**
     * A copied run of words.
     *
     * @param caseId the case it comes from
     * @param words the run, lower-cased, one space between words
     */
    public record Copy(String caseId, String words) {}

    private static String sections(PromptFile prompt) {
        return prompt.sectionText(Role.SYSTEM) + "\n" + prompt.sectionText(Role.USER);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static List<String> runs(List<String> words) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return runs;
    }
}
