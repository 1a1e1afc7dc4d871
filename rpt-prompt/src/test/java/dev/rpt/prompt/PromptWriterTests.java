package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptWriterTests {

    private static final String ORIGINAL = "{{role \"system\"}}\nold system\n{{role \"user\"}}\n{{q}}\n";

    @TempDir
    Path directory;

    /** Passes {@code limit} bytes through, then fails, like a full disk. */
    private static final class FailingStream extends FilterOutputStream {
        private int remaining;

        FailingStream(OutputStream out, int limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining-- <= 0) {
                throw new IOException("disk full (injected)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    private Path prompt() throws IOException {
        Path file = directory.resolve("solver.prompt");
        Files.writeString(file, ORIGINAL);
        return file;
    }

    private long otherFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().equals("solver.prompt"))
                    .count();
        }
    }

    @Test
    void replacesTheFileAndLeavesNoTempFile() throws Exception {
        Path file = prompt();
        PromptFile edited = PromptFile.parse(file).withSystem("new system");

        PromptFile written = new PromptWriter().write(file, edited);

        assertThat(Files.readString(file)).isEqualTo(edited.text()).contains("new system");
        assertThat(written.sourceName()).isEqualTo(file.toString());
        assertThat(otherFiles()).isZero();
    }

    @Test
    void anAtomicWriteSurvivesAnExceptionMidWrite() throws Exception {
        Path file = prompt();
        byte[] before = Files.readAllBytes(file);
        PromptFile edited = PromptFile.parse(file).withSystem("a much longer new system text");
        PromptWriter writer = new PromptWriter(out -> new FailingStream(out, 10));

        assertThatThrownBy(() -> writer.write(file, edited))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full (injected)");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(otherFiles()).as("temp file deleted").isZero();
    }

    @Test
    void theInjectedStreamReallyWritesPartially() throws Exception {
        // Guards the test above: the hook is applied to the stream that reaches the temp file.
        Path file = prompt();
        PromptWriter writer = new PromptWriter(out -> new FailingStream(out, Integer.MAX_VALUE));

        writer.write(file, PromptFile.parse(file).withSystem("ok"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("ok");
    }

    @Test
    void refusesTextThatIsNotAValidPrompt() throws Exception {
        Path file = prompt();

        assertThatThrownBy(() -> new PromptWriter().write(file, "{{#each x}}\n"))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageStartingWith(file + ":1: unsupported template construct");

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL);
        assertThat(otherFiles()).isZero();
    }

    @Test
    void aNewPromptGetsTheUsualPermissionsAndARewrittenOneKeepsItsOwn() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path created = directory.resolve("new.prompt");
        Path shared = prompt();
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr--"));

        new PromptWriter().write(created, ORIGINAL);
        new PromptWriter().write(shared, ORIGINAL.replace("old", "new"));

        assertThat(Files.getPosixFilePermissions(created))
                .as("as any new file in the directory, not owner-only")
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(directory.resolve("fresh"))));
        assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(PosixFilePermissions.fromString("rwxrwxr--"));
    }
}
