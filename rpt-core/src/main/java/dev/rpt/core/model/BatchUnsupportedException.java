package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The server has no batch endpoints: a local server, a proxy, an older API. It says so with 404 (no such path), 405
 * (the path exists, not for POST) or 501 (vLLM with its batch API off).
 */
@API(status = INTERNAL, since = "0.2")
public final class BatchUnsupportedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchUnsupportedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The status of a failed call to a batch endpoint when it means "no batch API here"; empty otherwise. */
    public static OptionalInt status(ModelException failure) {
        int status = failure instanceof BadRequestException bad
                ? bad.status()
                : failure instanceof ServerErrorException server ? server.status() : -1;
        return status == 404 || status == 405 || status == 501 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
