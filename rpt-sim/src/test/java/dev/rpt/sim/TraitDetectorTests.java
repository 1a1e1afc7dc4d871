package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.chat.ChatRequest;
import org.junit.jupiter.api.Test;

class TraitDetectorTests {

    @Test
    void plainPromptHasNoTraits() {
        assertThat(TraitDetector.detect("You are a helpful assistant. Answer the question."))
                .isEqualTo(PromptTraits.NONE);
    }

    @Test
    void detectsEachTraitCaseInsensitively() {
        assertThat(TraitDetector.detect("Think STEP BY STEP.").stepByStep()).isTrue();
        assertThat(TraitDetector.detect("Show your work.").stepByStep()).isTrue();
        assertThat(TraitDetector.detect("Reply with Just The Number.").answerOnly())
                .isTrue();
        assertThat(TraitDetector.detect("No units, please.").answerOnly()).isTrue();
        assertThat(TraitDetector.detect("Be well Calibrated.").calibrate()).isTrue();
        assertThat(TraitDetector.detect("State the probability that your answer is correct.")
                        .calibrate())
                .isTrue();
        assertThat(TraitDetector.detect("Check units before answering.").checkUnits())
                .isTrue();
        assertThat(TraitDetector.detect("Convert units to the asked ones.").checkUnits())
                .isTrue();
        assertThat(TraitDetector.detect("Reply in JSON.").json()).isTrue();
    }

    @Test
    void traitsDoNotLeakIntoEachOther() {
        PromptTraits traits = TraitDetector.detect("Think step by step.");

        assertThat(traits).isEqualTo(new PromptTraits(true, false, false, false, false));
    }

    @Test
    void readsSystemAndUserMessagesButNotAssistantTurns() {
        ChatRequest request = ChatRequest.builder()
                .system("Give only the final answer.")
                .user("Think step by step: what is 2+2?")
                .message(dev.rpt.chat.ChatMessage.assistant("I will check units and calibrate."))
                .user("And 3+3?")
                .build();

        PromptTraits traits = TraitDetector.detect(request);

        assertThat(traits.answerOnly()).isTrue();
        assertThat(traits.stepByStep()).isTrue();
        assertThat(traits.checkUnits()).isFalse();
        assertThat(traits.calibrate()).isFalse();
    }
}
