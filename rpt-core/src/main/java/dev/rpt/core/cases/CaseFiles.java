package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads prompt-test cases from a dataset file: {@code .jsonl}, {@code .csv}, or {@code .yaml}/{@code .yml}, chosen by
 * extension. Files are streamed row by row. Nothing is thrown for bad content: each bad row becomes a
 * {@link CaseProblem} naming {@code file:line}, and the good rows are still returned.
 */
@API(status = INTERNAL, since = "0.1")
public final class CaseFiles {

    private CaseFiles() {}

    /**
     * Reads cases from a stream, e.g. a test resource. The stream is read to the end (or to the limit) but not
     * closed.
     *
     * @param name the file name shown in ids' origins and problems, e.g. {@code cases/math.jsonl}; its extension picks
     *     the format
     * @param in the file's content, UTF-8
     * @param options id and split columns, split rule and limit
     */
    public static CaseFileResult read(String name, InputStream in, CaseFileOptions options) {
        Optional<CaseFormat> format = CaseFormat.of(name);
        if (format.isEmpty()) {
            String extension = CaseFormat.extension(name);
            return CaseFileResult.failed(
                    name,
                    (extension.isEmpty() ? "has no file extension" : "unsupported file type '." + extension + "'")
                            + "; case files must end in " + CaseFormat.SUPPORTED);
        }
        CaseCollector collector = new CaseCollector(name, options);
        try {
            format.get().reader().read(in, collector);
        } catch (IOException e) {
            collector.problem(0, "could not be read: " + e.getMessage() + "; check the file is readable");
        }
        return collector.result();
    }

    /**
     * Reads cases from a file; problems name it as {@code path} was written.
     *
     * @param path the file; its extension picks the format
     * @param options id and split columns, split rule and limit
     */
    public static CaseFileResult read(Path path, CaseFileOptions options) {
        String name = path.toString();
        if (CaseFormat.of(name).isEmpty()) {
            return read(name, InputStream.nullInputStream(), options);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(name, in, options);
        } catch (NoSuchFileException e) {
            return CaseFileResult.failed(name, "does not exist; check the path");
        } catch (IOException e) {
            return CaseFileResult.failed(name, "could not be read: " + e.getMessage());
        }
    }
}
