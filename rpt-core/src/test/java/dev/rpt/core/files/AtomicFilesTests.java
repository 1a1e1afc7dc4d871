package dev.rpt.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    void replacesTheTargetAndLeavesNoPartBehind() throws IOException {
        Path target = dir.resolve("nested/report.html");

        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new ✓");

        assertThat(target).hasContent("new ✓");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWas() throws IOException {
        Path target = dir.resolve("baseline.json");
        AtomicFiles.writeString(target, "kept");
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a directory should be");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AtomicFiles.writeString(blocked.resolve("x.json"), "lost"))
                .isInstanceOf(IOException.class);
        assertThat(target).hasContent("kept");
    }
}
