package dev.rpt.core.model.batch;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The batches a run submitted and has not yet read, one file each under {@code <cache dir>/batches/}, beside the
 * response cache and so out of {@code mvn clean}'s reach. A job is written as soon as the provider names its batch,
 * before any polling: a run that is interrupted while it waits leaves the file, and the next run polls that batch
 * instead of submitting (and paying for) the same requests again. The file is removed once the results are read.
 */
@API(status = INTERNAL, since = "0.2")
public final class BatchJobStore {

    private static final Logger LOG = Logger.getLogger(BatchJobStore.class.getName());

    /** The directory under the cache directory. */
    public static final String DIRECTORY = "batches";

    private final Path dir;

    /** The store under a response cache directory. */
    public BatchJobStore(Path cacheDir) {
        this.dir = Objects.requireNonNull(cacheDir, "cacheDir").resolve(DIRECTORY);
    }

    /**
     * One submitted batch.
     *
     * @param endpoint what the requests were sent to (provider, model, base URL), so that only the same endpoint's
     *     runs pick it up
     * @param batchId the provider's batch id
     * @param submittedAt when it was submitted, as an ISO-8601 instant
     * @param keys the cache keys of its requests, which are also their custom ids
     */
    @JsonPropertyOrder({"endpoint", "batchId", "submittedAt", "keys"})
    public record Job(String endpoint, String batchId, String submittedAt, List<String> keys) {
        public Job {
            JsonChecks.text(endpoint, "endpoint");
            JsonChecks.text(batchId, "batchId");
            JsonChecks.text(submittedAt, "submittedAt");
            keys = List.copyOf(JsonChecks.present(keys, "keys"));
        }
    }

    /**
     * Records a submitted batch, atomically.
     *
     * @throws UncheckedIOException naming the file when it cannot be written: the batch is then paid for but
     *     unrecorded, so the run must stop rather than wait on it
     */
    public void save(Job job) {
        Path file = fileOf(job.batchId());
        try {
            Files.createDirectories(dir);
            JsonFiles.write(file, job);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "rpt cannot record batch " + job.batchId() + " in " + file + " (" + e
                            + "); the batch is submitted, so fix the directory's permissions and re-run to pick it up only if"
                            + " you recreate this file, or cancel it in the provider's console.",
                    e);
        }
    }

    /** The recorded batches of one endpoint, oldest first. An unreadable file is skipped with a warning. */
    public List<Job> pending(String endpoint) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Job> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                try {
                    Job job = JsonFiles.bind(JsonFiles.readTree(file), Job.class);
                    if (job.endpoint().equals(endpoint)) {
                        jobs.add(job);
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Ignoring unreadable rpt batch record {0}: {1}", new Object[] {file, e});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rpt cannot list its batch records in " + dir, e);
        }
        jobs.sort(java.util.Comparator.comparing(Job::submittedAt));
        return jobs;
    }

    /** Forgets a batch whose results were read. */
    public void remove(Job job) {
        try {
            Files.deleteIfExists(fileOf(job.batchId()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete rpt batch record {0}: {1}", new Object[] {fileOf(job.batchId()), e});
        }
    }

    /** Where a batch is recorded. */
    public Path fileOf(String batchId) {
        return dir.resolve(batchId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
    }
}
