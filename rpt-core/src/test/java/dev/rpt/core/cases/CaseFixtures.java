package dev.rpt.core.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the case files under {@code src/test/resources/cases/} the way the engine reads test resources. */
final class CaseFixtures {

    private CaseFixtures() {}

    static CaseFileResult read(String fileName) {
        return read(fileName, CaseFileOptions.defaults());
    }

    static CaseFileResult read(String fileName, CaseFileOptions options) {
        String name = "cases/" + fileName;
        try (InputStream in = CaseFixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return CaseFiles.read(name, in, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaseFileResult parse(String name, String content, CaseFileOptions options) {
        return CaseFiles.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), options);
    }
}
