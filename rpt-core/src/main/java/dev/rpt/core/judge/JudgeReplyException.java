package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The judge answered, but not with a verdict rpt can read. The case is errored, never passed: an unreadable verdict
 * says nothing about the answer.
 */
@API(status = INTERNAL, since = "0.2")
public final class JudgeReplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JudgeReplyException(String message) {
        super(message);
    }
}
