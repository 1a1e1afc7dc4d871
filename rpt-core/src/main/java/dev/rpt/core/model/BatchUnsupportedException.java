package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The server has no batch endpoints (it answered them with 404): a local server, a proxy, an older API. */
@API(status = INTERNAL, since = "0.2")
public final class BatchUnsupportedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchUnsupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
