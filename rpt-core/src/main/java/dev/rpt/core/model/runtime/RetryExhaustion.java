package dev.rpt.core.model.runtime;

import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.TransportException;
import java.util.List;

/**
 * Rebuilds the last error of a call that ran out of retries with a note on what was tried. The copy keeps the
 * original type, so callers still tell a rate limit from a timeout; the earlier failures ride along as suppressed.
 */
final class RetryExhaustion {

    private RetryExhaustion() {}

    static ModelException annotate(ModelException last, String note, List<ModelException> earlier) {
        ModelException copy = withMessage(last, last.getMessage() + " [" + note + "]");
        if (copy != last) {
            copy.setStackTrace(last.getStackTrace());
            for (Throwable suppressed : last.getSuppressed()) {
                copy.addSuppressed(suppressed);
            }
        }
        earlier.forEach(copy::addSuppressed);
        return copy;
    }

    // Only retryable errors reach this point; the others are rethrown as they are.
    private static ModelException withMessage(ModelException e, String message) {
        if (e instanceof RateLimitedException rateLimited) {
            return new RateLimitedException(message, rateLimited.retryAfter().orElse(null));
        }
        if (e instanceof ServerErrorException serverError) {
            return new ServerErrorException(
                    serverError.status(), message, serverError.retryAfter().orElse(null));
        }
        if (e instanceof ModelTimeoutException) {
            return new ModelTimeoutException(message, e.getCause());
        }
        if (e instanceof TransportException) {
            return new TransportException(message, e.getCause());
        }
        return e;
    }
}
