package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a critic can read about one failed case: the {@code case} object of the critic call, or one trace of an
 * {@code inspect_failures} result (same field names).
 *
 * @param answer the answer text; empty when absent
 * @param confidence the stated confidence, or null when absent
 * @param justification the model's justification; empty when absent
 * @param failureKind the failure kind id ({@code value}, {@code format}, ...); empty when absent
 * @param failureMessage the assertion's message; empty when absent
 * @param expected the expected value when the case states one, else empty
 */
record CaseEvidence(
        String answer,
        Double confidence,
        String justification,
        String failureKind,
        String failureMessage,
        String expected) {

    /** Reads the fields that are present; every one is optional. */
    static CaseEvidence of(JsonNode node) {
        JsonNode failure = node.path("failure");
        JsonNode confidence = node.path("confidence");
        return new CaseEvidence(
                text(node.path("answer")),
                confidence.isNumber() ? confidence.asDouble() : null,
                text(node.path("justification")),
                failure.isTextual() ? "" : text(failure.path("kind")),
                failure.isTextual() ? failure.asText() : text(failure.path("message")),
                text(node.path("expected")));
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
