package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemedyTests {

    private static final String WEAK = SimAccuracyTests.WEAK;

    @Test
    void eachRemedyFlipsItsOwnTraitAndNoOther() {
        PromptTraits before = TraitDetector.detect(WEAK);
        assertThat(before).isEqualTo(PromptTraits.NONE);

        for (Remedy remedy : Remedy.values()) {
            Candidate patched = new Candidate(WEAK, TuneHarness.USER_TEMPLATE).withRemedy(remedy);
            PromptTraits after = patched.traits();

            assertThat(remedy.presentIn(before)).as(remedy.trait()).isFalse();
            assertThat(remedy.presentIn(after)).as(remedy.trait()).isTrue();
            for (Remedy other : Remedy.values()) {
                if (other != remedy) {
                    assertThat(other.presentIn(after))
                            .as(remedy + " leaks into " + other)
                            .isFalse();
                }
            }
            assertThat(after.json()).isFalse();
            assertThat(patched.system()).isEqualTo(WEAK + "\n" + remedy.sentence());
        }
    }

    @Test
    void aBlankSystemSectionBecomesTheSentence() {
        assertThat(new Candidate("  ", "u").withRemedy(Remedy.CALIBRATE).system())
                .isEqualTo(Remedy.CALIBRATE.sentence());
    }

    @Test
    void everyVocabularyLabelButNoAnswerHasARemedy() {
        assertThat(Remedy.forLabel("answer holds several numbers")).contains(Remedy.ANSWER_ONLY);
        assertThat(Remedy.forLabel("skipped final step")).contains(Remedy.STEP_BY_STEP);
        assertThat(Remedy.forLabel("arithmetic slip")).contains(Remedy.STEP_BY_STEP);
        assertThat(Remedy.forLabel("wrong option chosen")).contains(Remedy.STEP_BY_STEP);
        assertThat(Remedy.forLabel("unit conversion slip")).contains(Remedy.CHECK_UNITS);
        assertThat(Remedy.forLabel("overconfident wrong answer")).contains(Remedy.CALIBRATE);
        assertThat(Remedy.forLabel("no answer given")).isEqualTo(Optional.empty());
    }

    @Test
    void fallbackLabelsMatchByKeyword() {
        assertThat(Remedy.forLabel("format: the number 18, but the answer holds several numbers [2, 18]"))
                .contains(Remedy.ANSWER_ONLY);
        assertThat(Remedy.forLabel("format: answer matching /\\d+/")).contains(Remedy.ANSWER_ONLY);
        assertThat(Remedy.forLabel("value: the number 18")).contains(Remedy.STEP_BY_STEP);
        assertThat(Remedy.forLabel("Value: answer equal to \"Paris\"")).contains(Remedy.STEP_BY_STEP);
        assertThat(Remedy.forLabel("confidence: above 0.9")).contains(Remedy.CALIBRATE);
        assertThat(Remedy.forLabel("mixed up the units")).contains(Remedy.CHECK_UNITS);
        assertThat(Remedy.forLabel("misread the question")).isEmpty();
    }

    @Test
    void aReplyGradedAgainstCriteriaGetsTheRemedyWordedForItsTask() throws Exception {
        var trace = new ObjectMapper()
                .readTree("{\"answer\": \"We have refunded your order.\", \"failure\": {\"kind\": \"criterion\","
                        + " \"message\": \"Expected the answer to meet 'Apologises with sorry'\"}}");

        List<Critique> critiques = FailureClassifier.classify(CaseEvidence.of(trace));

        assertThat(critiques).extracting(Critique::label).containsExactly(FailureLabel.CRITERION_NOT_MET);
        Remedy remedy = Remedy.forLabel(FailureLabel.CRITERION_NOT_MET.label()).orElseThrow();
        String sentence = remedy.sentenceFor(FailureLabel.CRITERION_NOT_MET.label());
        assertThat(sentence).doesNotContain("problem").contains("point by point");
        assertThat(remedy.presentIn(TraitDetector.detect(WEAK + "\n" + sentence)))
                .as("the task's wording sets the same trait")
                .isTrue();
        assertThat(Remedy.STEP_BY_STEP.sentenceFor("skipped final step")).isEqualTo(Remedy.STEP_BY_STEP.sentence());
    }
}
