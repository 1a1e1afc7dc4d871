package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.model.ChatModel;
import dev.rpt.sim.GsmSample.Score;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator's documented figures on 200 GSM8K rows (docs/simulator.md, "Reproducing the figures"). The ranges are
 * the measured values with a margin of a few points; the ordering between prompts is what a tuner relies on.
 */
class SimAccuracyTests {

    static final String WEAK = "You are a helpful assistant. Answer the math question.";
    static final String STEP_BY_STEP = WEAK + " Think step by step.";
    static final String ANSWER_ONLY = WEAK + " Give only the final answer.";
    static final String CALIBRATE = WEAK + " Your confidence should reflect how often you are right.";
    static final String ALL_TRAITS =
            "You are a careful math tutor. Reason through the problem step by step, check units"
                    + " and convert units where needed. In the answer field give only the final answer, just the number."
                    + " Your confidence should reflect the probability that your answer is correct.";

    private final ChatModel model = GsmSample.model();

    @Test
    void weakPromptIsRightAboutHalfTheTimeAndItsProseDefeatsFirstNumberGrading() {
        Score weak = GsmSample.score(model, WEAK);

        assertThat(weak.lastNumberAccuracy()).isBetween(0.50, 0.62);
        assertThat(weak.firstNumberAccuracy()).isLessThan(0.05);
    }

    @Test
    void stepByStepRaisesAccuracy() {
        Score weak = GsmSample.score(model, WEAK);
        Score stepByStep = GsmSample.score(model, STEP_BY_STEP);

        assertThat(stepByStep.lastNumberAccuracy()).isBetween(0.80, 0.90);
        assertThat(stepByStep.lastNumberAccuracy() - weak.lastNumberAccuracy()).isGreaterThan(0.2);
    }

    @Test
    void checkingEachStepAgainRaisesAccuracyAfterStepByStep() {
        Score stepByStep = GsmSample.score(model, STEP_BY_STEP);
        Score checked = GsmSample.score(model, STEP_BY_STEP + "\n" + Remedy.CHECK_WORK.sentence());
        Score checkedAlone = GsmSample.score(model, WEAK + "\n" + Remedy.CHECK_WORK.sentence());

        assertThat(checked.lastNumberAccuracy()).isGreaterThan(stepByStep.lastNumberAccuracy());
        assertThat(checkedAlone.lastNumberAccuracy())
                .as("there is no working to check without step by step")
                .isEqualTo(GsmSample.score(model, WEAK).lastNumberAccuracy(), within(1e-9));
    }

    @Test
    void answerOnlyMakesTheAnswerGradableWithoutChangingWhatIsRight() {
        Score weak = GsmSample.score(model, WEAK);
        Score answerOnly = GsmSample.score(model, ANSWER_ONLY);

        assertThat(answerOnly.firstNumberAccuracy()).isEqualTo(weak.lastNumberAccuracy(), within(1e-9));
        assertThat(answerOnly.firstNumberAccuracy() - weak.firstNumberAccuracy())
                .isGreaterThan(0.45);
    }

    @Test
    void everyTraitTogetherReachesTheHighEighties() {
        Score all = GsmSample.score(model, ALL_TRAITS);

        assertThat(all.firstNumberAccuracy()).isBetween(0.85, 0.93);
        assertThat(all.ece()).isLessThan(0.06);
    }

    @Test
    void calibrationInstructionLowersCalibrationError() {
        Score weak = GsmSample.score(model, WEAK);
        Score calibrated = GsmSample.score(model, CALIBRATE);

        assertThat(weak.meanConfidence()).isBetween(0.93, 0.99);
        assertThat(weak.ece()).isGreaterThan(0.3);
        assertThat(calibrated.ece()).isLessThan(0.12);
        assertThat(calibrated.lastNumberAccuracy()).isEqualTo(weak.lastNumberAccuracy(), within(1e-9));
    }

    @Test
    void aBetterPromptOnlyTurnsWrongAnswersRightNeverTheReverse() throws IOException {
        List<KeyEntry> entries = entries();
        PromptTraits weak = PromptTraits.NONE;
        PromptTraits better = new PromptTraits(true, false, false, true, false);
        PromptTraits checked = new PromptTraits(true, false, false, true, false, false, true);
        int fixed = 0;

        for (KeyEntry entry : entries) {
            boolean before = TargetRole.answer(entry, weak, Draws.greedy(entry.question()))
                    .correct();
            boolean after = TargetRole.answer(entry, better, Draws.greedy(entry.question()))
                    .correct();
            boolean afterChecking = TargetRole.answer(entry, checked, Draws.greedy(entry.question()))
                    .correct();
            assertThat(!before || after)
                    .as("still right after improving the prompt: %s", entry.question())
                    .isTrue();
            assertThat(!after || afterChecking)
                    .as("still right after asking to check the work: %s", entry.question())
                    .isTrue();
            fixed += !before && after ? 1 : 0;
        }

        assertThat(fixed).isGreaterThan(entries.size() / 5);
    }

    private static List<KeyEntry> entries() throws IOException {
        try (InputStream in = SimAccuracyTests.class.getClassLoader().getResourceAsStream(GsmSample.RESOURCE)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return AnswerKeyLoader.read(GsmSample.RESOURCE, content, SimOptions.ofAnswers(GsmSample.RESOURCE));
        }
    }
}
