package dev.rpt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderStoppedExceptionTests {

    private static final ModelException FIRST = new AuthenticationException(401, "Incorrect API key provided");

    @Test
    void theRoleIsNamedBeforeTheModel() {
        ProviderStoppedException stopped = new ProviderStoppedException(
                "calling openai/acme-judge after an error that every call would repeat.", FIRST);

        ProviderStoppedException judge = stopped.forRole("the judge");

        assertThat(judge.getMessage())
                .isEqualTo("Not sent: rpt stopped calling the judge openai/acme-judge after an error that every call"
                        + " would repeat.");
        assertThat(judge.reason()).startsWith("calling the judge openai/acme-judge");
        assertThat(judge.firstError()).isSameAs(FIRST);
    }

    @Test
    void aReasonOfAnotherShapeIsPrefixed() {
        ProviderStoppedException stopped = new ProviderStoppedException("a batch was cancelled.", FIRST);

        assertThat(stopped.forRole("the model under test 'small'").reason())
                .isEqualTo("the model under test 'small': a batch was cancelled.");
    }
}
