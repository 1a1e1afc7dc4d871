package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSourcesTests {

    @TempDir
    Path temp;

    @Test
    void findsTheSourceInTheFirstResourceDirectoryThatHasIt() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path main = Files.createDirectories(project.resolve("src/main/resources"));
        Path test = Files.createDirectories(project.resolve("src/test/resources/prompts"));
        Path prompt = Files.writeString(test.resolve("math.prompt"), "{{question}}");

        Path found = PromptSources.locate(
                "prompts/math.prompt", List.of(main, project.resolve("src/test/resources")), project);

        assertThat(found).isEqualTo(prompt.toRealPath());
    }

    @Test
    void refusesAResourceDirectoryOutsideTheProject() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path shared = Files.createDirectories(temp.resolve("shared/prompts"));
        Files.writeString(shared.resolve("math.prompt"), "{{question}}");

        assertThatThrownBy(() -> PromptSources.locate("prompts/math.prompt", List.of(temp.resolve("shared")), project))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outside the project " + project.toRealPath())
                .hasMessageContaining("prompts/math.prompt");
    }

    @Test
    void refusesAResourceThatClimbsOutOfTheProject() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(temp.resolve("escape.prompt"), "{{question}}");

        assertThatThrownBy(() -> PromptSources.locate("../../../../escape.prompt", List.of(resources), project))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outside the project");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheProject() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path prompts = Files.createDirectories(project.resolve("src/main/resources/prompts"));
        Path outside = Files.writeString(temp.resolve("outside.prompt"), "{{question}}");
        Files.createSymbolicLink(prompts.resolve("math.prompt"), outside);

        assertThatThrownBy(() -> PromptSources.locate(
                        "prompts/math.prompt", List.of(project.resolve("src/main/resources")), project))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("outside the project");
    }

    @Test
    void missingSourceListsWhereItLooked() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Path main = project.resolve("src/main/resources");

        assertThatThrownBy(() -> PromptSources.locate("prompts/none.prompt", List.of(main), project))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no source file")
                .hasMessageContaining(main.resolve("prompts/none.prompt").toString());
    }
}
