package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.Role;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptEditTests {

    @Test
    void replacingBothSectionsKeepsFrontMatterMarkersAndOutsideCommentsByteForByte() throws Exception {
        PromptFile original = PromptFile.parse(PromptFileTests.fixture());
        String text = original.text();

        PromptFile edited = original.withSections("You solve math.\nAnswer in JSON.", "Q: {{question}}");

        String frontMatterAndLeadingComment = text.substring(0, text.indexOf("{{role \"system\"}}"));
        assertThat(edited.text())
                .isEqualTo(frontMatterAndLeadingComment
                        + "{{role \"system\"}}\nYou solve math.\nAnswer in JSON.\n\n"
                        + "{{role \"user\"}}\n{{!-- The question comes from each test case. --}}\nQ: {{question}}\n");
        assertThat(edited.frontMatter()).isEqualTo(original.frontMatter());
        assertThat(edited.sectionText(Role.SYSTEM)).isEqualTo("You solve math.\nAnswer in JSON.");
    }

    @Test
    void replacingOneSectionLeavesTheOtherUntouched() throws Exception {
        PromptFile original = PromptFile.parse(PromptFileTests.fixture());

        PromptFile edited = original.withUser("Solve: {{question}}");

        assertThat(edited.sectionText(Role.SYSTEM)).isEqualTo(original.sectionText(Role.SYSTEM));
        assertThat(edited.text().replace("Solve: {{question}}", "Problem: {{question}}\nHint: {{hint}}"))
                .isEqualTo(original.text());
    }

    @Test
    void crlfFilesStayCrlfAndNewTextIsConverted() {
        String text = "---\r\nmodel: m\r\n---\r\n{{role \"system\"}}\r\nOld system.\r\n\r\n{{role \"user\"}}\r\n"
                + "{{q}}\r\n";

        PromptFile edited = PromptFile.parse("w.prompt", text).withSystem("Line one.\nLine two.");

        assertThat(edited.text())
                .isEqualTo("---\r\nmodel: m\r\n---\r\n{{role \"system\"}}\r\nLine one.\r\nLine two.\r\n\r\n"
                        + "{{role \"user\"}}\r\n{{q}}\r\n");
        assertThat(edited.text().replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aFileWithoutTrailingNewlineKeepsThat() {
        String text = "{{role \"system\"}}\nsys\n{{role \"user\"}}\nold user";

        PromptFile edited = PromptFile.parse("n.prompt", text).withUser("new user\n");

        assertThat(edited.text()).isEqualTo("{{role \"system\"}}\nsys\n{{role \"user\"}}\nnew user");
    }

    @Test
    void commentsAroundTheReplacedTextSurvive() {
        String text = "{{role \"system\"}}\n{{! keep me }}\nold\n{{!-- and me --}}\n\n{{role \"user\"}}\nu\n";

        PromptFile edited = PromptFile.parse("c.prompt", text).withSystem("new");

        assertThat(edited.text())
                .isEqualTo("{{role \"system\"}}\n{{! keep me }}\nnew\n{{!-- and me --}}\n\n{{role \"user\"}}\nu\n");
    }

    @Test
    void addsASystemSectionAboveAPlainUserText() {
        String text = "---\nmodel: m\n---\nTranslate {{text}}.\n";

        PromptFile edited = PromptFile.parse("t.prompt", text).withSystem("You translate.");

        assertThat(edited.text())
                .isEqualTo("---\nmodel: m\n---\n{{role \"system\"}}\nYou translate.\n\n{{role \"user\"}}\n"
                        + "Translate {{text}}.\n");
        assertThat(edited.render(Map.of("text", "x")).toMessages()).hasSize(2);
    }

    @Test
    void fillsAnEmptySectionOnItsOwnLine() {
        String text = "{{role \"system\"}}\n{{role \"user\"}}\nu\n";

        PromptFile edited = PromptFile.parse("e.prompt", text).withSystem("s");

        assertThat(edited.text()).isEqualTo("{{role \"system\"}}\ns\n{{role \"user\"}}\nu\n");
    }

    @Test
    void refusesNewTextThatUsesAnUndeclaredVariable() throws Exception {
        PromptFile original = PromptFile.parse(PromptFileTests.fixture());

        assertThatThrownBy(() -> original.withUser("{{question}} {{answer}}"))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("unknown variable {{answer}}");
    }

    @Test
    void theFixtureOnDiskIsUnchangedByEditing() throws Exception {
        byte[] before = Files.readAllBytes(PromptFileTests.fixture());

        PromptFile.parse(PromptFileTests.fixture()).withSystem("changed");

        assertThat(Files.readAllBytes(PromptFileTests.fixture())).isEqualTo(before);
    }
}
