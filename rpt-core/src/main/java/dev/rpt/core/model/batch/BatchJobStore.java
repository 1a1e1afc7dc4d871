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
 *
 * <p>Before a batch is sent, its {@link Submission} is written under {@code batches/submitting/}, and removed once the
 * batch's id is recorded (or the provider refused it). A run that stopped in between leaves it, and the next run asks
 * the provider for the batch with that submission's tag.
 */
@API(status = INTERNAL, since = "0.2")
public final class BatchJobStore {

    private static final Logger LOG = Logger.getLogger(BatchJobStore.class.getName());

    /** The directory under the cache directory. */
    public static final String DIRECTORY = "batches";

    private static final String SUBMITTING = "submitting";

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
     * A batch about to be sent, recorded first: if the run stops before the provider's id is recorded, the next run
     * looks the batch up by this tag.
     *
     * @param endpoint as for {@link Job}
     * @param tag unique to this submission; sent with the batch where the provider keeps metadata
     * @param startedAt when it was sent, as an ISO-8601 instant
     * @param keys the cache keys of its requests
     */
    @JsonPropertyOrder({"endpoint", "tag", "startedAt", "keys"})
    public record Submission(String endpoint, String tag, String startedAt, List<String> keys) {
        public Submission {
            JsonChecks.text(endpoint, "endpoint");
            JsonChecks.text(tag, "tag");
            JsonChecks.text(startedAt, "startedAt");
            keys = List.copyOf(JsonChecks.present(keys, "keys"));
        }
    }

    /**
     * Records a submission before it is sent, atomically.
     *
     * @throws UncheckedIOException naming the file when it cannot be written; nothing has been sent then
     */
    public void begin(Submission submission) {
        Path file = submissionFile(submission.tag());
        try {
            Files.createDirectories(file.getParent());
            JsonFiles.write(file, submission);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "rpt cannot record a batch submission in " + file + " (" + e + "); nothing was sent. Make the"
                            + " cache directory writable, or set rpt.batch=off.",
                    e);
        }
    }

    /** The submissions of one endpoint that an earlier run sent but did not see through, oldest first. */
    public List<Submission> submissions(String endpoint) {
        return read(dir.resolve(SUBMITTING), Submission.class).stream()
                .filter(submission -> submission.endpoint().equals(endpoint))
                .sorted(java.util.Comparator.comparing(Submission::startedAt))
                .toList();
    }

    /** Forgets a submission: its batch is recorded as a {@link Job}, or it was never created. */
    public void end(Submission submission) {
        delete(submissionFile(submission.tag()));
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
        return read(dir, Job.class).stream()
                .filter(job -> job.endpoint().equals(endpoint))
                .sorted(java.util.Comparator.comparing(Job::submittedAt))
                .toList();
    }

    private static <T> List<T> read(Path directory, Class<T> type) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<T> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                try {
                    records.add(JsonFiles.bind(JsonFiles.readTree(file), type));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Ignoring unreadable rpt batch record {0}: {1}", new Object[] {file, e});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rpt cannot list its batch records in " + directory, e);
        }
        return records;
    }

    /** Forgets a batch whose results were read. */
    public void remove(Job job) {
        delete(fileOf(job.batchId()));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete rpt batch record {0}: {1}", new Object[] {file, e});
        }
    }

    /** Where a batch is recorded. */
    public Path fileOf(String batchId) {
        return dir.resolve(fileName(batchId));
    }

    /** Where a submission is recorded until its batch is. */
    public Path submissionFile(String tag) {
        return dir.resolve(SUBMITTING).resolve(fileName(tag));
    }

    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_") + ".json";
    }
}
