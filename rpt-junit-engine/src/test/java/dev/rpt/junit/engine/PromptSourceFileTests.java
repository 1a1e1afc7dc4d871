package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptSourceFileTests {

    private static final String RESOURCE = "prompts/math.prompt";

    @TempDir
    Path project;

    @Test
    void aCopyInTargetClassesIsTracedToTheFileTheUserEdits() throws IOException {
        Path source = write("src/main/resources/" + RESOURCE, "{{question}}\n");
        Path copy = write("target/classes/" + RESOURCE, "{{question}}\n");

        assertThat(PromptSourceFile.of(copy, RESOURCE)).isEqualTo(source);
    }

    @Test
    void aTestResourceCopyIsTracedToTheTestResources() throws IOException {
        Path source = write("src/test/resources/" + RESOURCE, "{{question}}\n");
        Path copy = write("target/test-classes/" + RESOURCE, "{{question}}\n");

        assertThat(PromptSourceFile.of(copy, RESOURCE)).isEqualTo(source);
    }

    @Test
    void aFilteredCopyOrOneWithoutSourceIsReadAsItIs() throws IOException {
        write("src/main/resources/" + RESOURCE, "${greeting} {{question}}\n");
        Path filtered = write("target/classes/" + RESOURCE, "Hello {{question}}\n");
        Path elsewhere = write("build/resources/" + RESOURCE, "{{question}}\n");

        assertThat(PromptSourceFile.of(filtered, RESOURCE)).isEqualTo(filtered);
        assertThat(PromptSourceFile.of(elsewhere, RESOURCE)).isEqualTo(elsewhere);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
