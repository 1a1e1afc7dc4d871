package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The log-probability of one output token, with the most likely alternatives at that position.
 *
 * @param token the token text
 * @param logprob its natural-log probability
 * @param topLogprobs the alternatives, most likely first; empty when not requested
 */
@API(status = INTERNAL, since = "0.1")
public record TokenLogprob(String token, double logprob, List<Alternative> topLogprobs) {

    public TokenLogprob {
        Objects.requireNonNull(token, "token");
        topLogprobs = List.copyOf(topLogprobs);
    }

    /** An alternative token at the same position. */
    public record Alternative(String token, double logprob) {
        public Alternative {
            Objects.requireNonNull(token, "token");
        }
    }
}
