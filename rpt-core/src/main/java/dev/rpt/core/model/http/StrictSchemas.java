package dev.rpt.core.model.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Makes a JSON Schema valid for a provider's strict mode, or says why it cannot be. Both OpenAI's strict mode
 * (Structured Outputs) and Anthropic's (strict tools, native structured output) take a subset of JSON Schema in which
 * every object closes itself with {@code "additionalProperties": false}; OpenAI's also wants every property required,
 * an optional field written as a required one that may be null ({@link Rules#OPENAI}), where Anthropic's keeps
 * optional fields ({@link Rules#ANTHROPIC}, as anthropic-sdk-python's {@code lib/_parse/_transform.py} does). So:
 *
 * <ul>
 *   <li>an object without {@code additionalProperties} is closed;
 *   <li>under OpenAI's rules, a property that is not required becomes required and nullable ({@code "type": ["string", "null"]}, or an
 *       {@code anyOf} with {@code {"type": "null"}} where it has no single type), which is what Picoschema's {@code
 *       name?} means;
 *   <li>an object that allows other fields (Picoschema's {@code (*)}, {@code additionalProperties: true} or a schema)
 *       and a value of no type (Picoschema's {@code any}) cannot be expressed: the schema is then sent as it is,
 *       without {@code strict}, and the reason names the field.
 * </ul>
 */
@API(status = INTERNAL, since = "0.3")
public final class StrictSchemas {

    private StrictSchemas() {}

    /** Whose strict mode. */
    public enum Rules {
        /** Every object closed, every property required (optional ones nullable). */
        OPENAI,
        /** Every object closed; optional properties stay optional. */
        ANTHROPIC
    }

    /**
     * The schema as OpenAI's strict mode takes it, or the original with the reason it cannot be strict.
     *
     * @param schema what to adapt; not changed
     */
    public static Adapted adapt(JsonNode schema) {
        return adapt(schema, Rules.OPENAI);
    }

    /**
     * The schema as the given strict mode takes it, or the original with the reason it cannot be strict.
     *
     * @param schema what to adapt; not changed
     */
    public static Adapted adapt(JsonNode schema, Rules rules) {
        JsonNode copy = schema.deepCopy();
        List<String> reasons = new ArrayList<>();
        walk(copy, "", rules, reasons);
        return reasons.isEmpty()
                ? new Adapted(copy, Optional.empty())
                : new Adapted(schema, Optional.of(reasons.get(0)));
    }

    /**
     * @param schema what to send
     * @param notStrict why the schema goes out without {@code strict}; empty when it is strict
     */
    public record Adapted(JsonNode schema, Optional<String> notStrict) {}

    private static void walk(JsonNode node, String pointer, Rules rules, List<String> reasons) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        String where = pointer.isEmpty() ? "the top level" : "`" + pointer + "`";
        if (isObject(schema)) {
            JsonNode additional = schema.get("additionalProperties");
            if (additional == null) {
                schema.put("additionalProperties", false);
            } else if (!(additional.isBoolean() && !additional.asBoolean())) {
                reasons.add(where + " allows fields beyond its properties (Picoschema `(*)` or additionalProperties),"
                        + " which strict mode cannot express");
                return;
            }
            ObjectNode properties =
                    schema.has("properties") && schema.get("properties").isObject()
                            ? (ObjectNode) schema.get("properties")
                            : schema.putObject("properties");
            if (rules == Rules.ANTHROPIC) {
                properties
                        .fields()
                        .forEachRemaining(
                                field -> walk(field.getValue(), pointer + "/" + field.getKey(), rules, reasons));
                return;
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            ArrayNode all = schema.putArray("required");
            for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), pointer + "/" + field.getKey(), rules, reasons);
                if (!required.contains(field.getKey())) {
                    field.setValue(nullable(field.getValue()));
                }
                all.add(field.getKey());
            }
            return;
        }
        if (schema.has("items")) {
            walk(schema.get("items"), pointer + "[]", rules, reasons);
            return;
        }
        if (schema.has("anyOf")) {
            schema.get("anyOf").forEach(option -> walk(option, pointer, rules, reasons));
            return;
        }
        if (!schema.has("type") && !schema.has("enum") && !schema.has("const") && !schema.has("$ref")) {
            reasons.add(where + " has no type (Picoschema `any`), which strict mode cannot express");
        }
    }

    private static boolean isObject(ObjectNode schema) {
        return "object".equals(schema.path("type").asText(null)) || schema.has("properties");
    }

    /** The schema that also allows null: in its type list, its enum, or an anyOf. */
    private static JsonNode nullable(JsonNode property) {
        if (!(property instanceof ObjectNode schema)) {
            return property;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            if (!type.asText().equals("null")) {
                ArrayNode types = schema.putArray("type");
                types.add(type.asText());
                types.add("null");
                if (schema.has("enum") && schema.get("enum").isArray()) {
                    ((ArrayNode) schema.get("enum")).addNull();
                }
            }
            return schema;
        }
        if (type != null && type.isArray()) {
            boolean hasNull = false;
            for (JsonNode t : type) {
                hasNull |= t.asText().equals("null");
            }
            if (!hasNull) {
                ((ArrayNode) type).add("null");
            }
            return schema;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        ArrayNode anyOf = wrapped.putArray("anyOf");
        anyOf.add(schema);
        anyOf.addObject().put("type", "null");
        return wrapped;
    }
}
