package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.ChatRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A provider's batch API: submit many chat requests at once, ask how they are doing, read the replies. Each request
 * carries a custom id (rpt uses its cache key) that the provider returns beside its reply.
 */
@API(status = INTERNAL, since = "0.2")
public interface BatchApi {

    /** The most requests one batch may hold. */
    int maxRequests();

    /** The most bytes one batch's requests may take, as the provider counts them. */
    long maxBytes();

    /** The bytes one request takes in a batch, for splitting at {@link #maxBytes()}. */
    long sizeOf(Item item);

    /**
     * Submits one batch.
     *
     * @param submission a tag unique to this submission, recorded before it is sent; a provider that {@linkplain
     *     #findsSubmissions() finds submissions} stores it with the batch
     * @return the provider's batch id
     * @throws BatchUnsupportedException when the server has no batch endpoints
     * @throws dev.rpt.core.model.ModelException when the submission fails
     */
    String submit(List<Item> items, String submission);

    /**
     * Whether {@link #find} works: the provider keeps a submission's tag with its batch and lists batches. A run that
     * stopped between sending a batch and recording its id can then find it instead of paying for it twice.
     */
    default boolean findsSubmissions() {
        return false;
    }

    /**
     * The batch a submission created, if the provider has one with its tag created since {@code since}.
     *
     * @throws UnsupportedOperationException when the provider does not {@linkplain #findsSubmissions() find
     *     submissions}
     * @throws dev.rpt.core.model.ModelException when the provider cannot be asked
     */
    default Optional<String> find(String submission, Instant since) {
        throw new UnsupportedOperationException("this batch API cannot find a batch by its submission tag");
    }

    /**
     * How a batch is doing.
     *
     * @throws dev.rpt.core.model.ModelException when the provider cannot be asked
     */
    Status status(String batchId);

    /**
     * The outcome of every request of an ended batch that has one, by custom id: a reply, or the provider's reason
     * that there is none (an error, an expiry, a cancellation).
     *
     * @param requests the requests this run knows, by custom id, for a provider whose replies are read in the light of
     *     their request; a batch an earlier run submitted may hold others
     * @throws dev.rpt.core.model.ModelException when the results cannot be read
     */
    Map<String, Outcome> results(Status ended, Map<String, ChatRequest> requests);

    /** One request of a batch. */
    record Item(String customId, ChatRequest request) {
        public Item {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A batch as the provider describes it.
     *
     * @param id the batch id
     * @param state the provider's word for it, e.g. {@code in_progress}
     * @param ended whether it will change no more: its results can be read
     * @param total its requests
     * @param succeeded those answered
     * @param failed those that errored, expired or were cancelled
     * @param failure why the batch as a whole failed (e.g. its input was rejected), if it did
     * @param resultsLocation where the provider keeps the results (file ids or a URL), once ended
     */
    record Status(
            String id,
            String state,
            boolean ended,
            int total,
            int succeeded,
            int failed,
            Optional<String> failure,
            List<String> resultsLocation) {
        public Status {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(failure, "failure");
            resultsLocation = List.copyOf(resultsLocation);
        }
    }

    /** What became of one request. */
    sealed interface Outcome {

        /** The provider answered it. */
        record Answered(ChatResponse response) implements Outcome {
            public Answered {
                Objects.requireNonNull(response, "response");
            }
        }

        /** The provider did not answer it, and says why. */
        record Unanswered(String reason) implements Outcome {
            public Unanswered {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
