package dev.rpt.tools.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The package's one Jackson mapper and its number rounding. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The node as compact JSON text. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON built from a tree", e);
        }
    }

    /** The reply text as JSON, or an {@link IllegalArgumentException} saying why it is not. */
    static JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value rounded to 4 decimals. The optimizer reads these numbers; 0.5499999999999999 costs tokens and says
     * nothing more than 0.55.
     */
    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
