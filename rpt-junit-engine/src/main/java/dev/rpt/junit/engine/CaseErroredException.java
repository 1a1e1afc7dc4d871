package dev.rpt.junit.engine;

/**
 * A case that could not be judged: the model call, the provider or the case itself failed. It is not an
 * {@link AssertionError}, so build tools count it as an error, apart from wrong answers.
 */
final class CaseErroredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CaseErroredException(String message, Throwable cause) {
        super(message, cause);
    }
}
