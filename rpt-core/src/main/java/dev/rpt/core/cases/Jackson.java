package dev.rpt.core.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The mapper settings every case format shares, and how Jackson's errors read in a problem. */
final class Jackson {

    private Jackson() {}

    /**
     * Applies the shared settings: duplicate keys are an error (the second would silently win otherwise), decimals keep
     * the digits the user wrote ({@code 4.10} stays {@code 4.10}).
     */
    static <M extends ObjectMapper> M configure(M mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // The caller owns the stream it passed in.
        mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    /** A JSON mapper for one value per line: text after the value on the same line is an error. */
    static ObjectMapper json() {
        return configure(JsonMapper.builder().build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Jackson's own message without its appended source excerpt, which would repeat the row. */
    static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }

    /** The 1-based line of an error, or {@code 0} when Jackson does not know it. */
    static int line(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }
}
