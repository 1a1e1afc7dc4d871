package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The call was not sent: an earlier call showed that every call to this provider would fail the same way (the key
 * was rejected, the model does not exist, the account is out of credit, or the server stopped accepting
 * connections), so rpt stopped calling it. {@link #firstError()} is that earlier call's error.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProviderStoppedException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final ModelException firstError;
    private final String reason;

    /**
     * @param reason what stopped the calls and how to fix it, e.g. {@code calling openai/gpt-4.1-mini after 3
     *     connection failures in a row. …}; the message is {@code Not sent: rpt stopped } and the reason
     * @param firstError the error that stopped them
     */
    public ProviderStoppedException(String reason, ModelException firstError) {
        super("Not sent: rpt stopped " + reason, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.firstError = Objects.requireNonNull(firstError, "firstError");
    }

    /** What stopped the calls and how to fix it, without the "Not sent" of the message. */
    public String reason() {
        return reason;
    }

    /**
     * The same stop, naming the role of the model that was stopped, e.g. {@code the judge}: in a run with a judge or
     * several models, "rpt stopped calling openai/x" alone leaves the reader to guess which of them it was.
     *
     * @param role who was being called, e.g. {@code the model under test 'small'}
     */
    public ProviderStoppedException forRole(String role) {
        String calling = "calling ";
        return new ProviderStoppedException(
                reason.startsWith(calling)
                        ? calling + role + " " + reason.substring(calling.length())
                        : role + ": " + reason,
                firstError);
    }

    /** The error that made rpt stop calling the provider. */
    public ModelException firstError() {
        return firstError;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
