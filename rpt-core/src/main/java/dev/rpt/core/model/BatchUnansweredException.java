package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The provider's batch did not answer this request ({@code rpt.batch}): it errored, expired or was cancelled there,
 * or is still pending when the run stopped waiting. Not retried within the run: a re-run picks a pending batch up, or
 * sends the request again.
 */
@API(status = INTERNAL, since = "0.2")
public final class BatchUnansweredException extends ModelException {

    private static final long serialVersionUID = 1L;

    public BatchUnansweredException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
