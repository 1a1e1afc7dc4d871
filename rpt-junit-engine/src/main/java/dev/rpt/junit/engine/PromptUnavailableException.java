package dev.rpt.junit.engine;

/** The prompt of a class could not be loaded; the message says which file, where, and how to fix it. */
final class PromptUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PromptUnavailableException(String message) {
        super(message, null, false, false);
    }
}
