package dev.rpt.core.model;

import java.util.Objects;

/**
 * The call was not sent: an earlier call showed that every call to this provider would fail the same way (the key
 * was rejected, the model does not exist, the account is out of credit, or the server stopped accepting
 * connections), so rpt stopped calling it. {@link #firstError()} is that earlier call's error.
 */
public final class ProviderStoppedException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final ModelException firstError;

    public ProviderStoppedException(String message, ModelException firstError) {
        super(message, null);
        this.firstError = Objects.requireNonNull(firstError, "firstError");
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
