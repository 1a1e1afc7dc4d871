package dev.rpt.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    @Test
    void aNewFileGetsTheUsualPermissionsAndAnExistingOneKeepsItsOwn() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path report = dir.resolve("report.html");

        AtomicFiles.writeString(report, "new");
        assertThat(Files.getPosixFilePermissions(report))
                .as("as any new file in the directory, not owner-only")
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(dir.resolve("fresh"))));

        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(report, "again");
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
    }
}
