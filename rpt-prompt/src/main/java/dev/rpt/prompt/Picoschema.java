package dev.rpt.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a schema written in the front matter to JSON Schema. Like dotprompt, a node whose {@code type} is a JSON
 * Schema type name, or that has a {@code properties} object, is taken as JSON Schema as is; anything else is read as
 * Picoschema: {@code name: type[, description]}, {@code name?: ...} for optional fields, nested maps for objects,
 * {@code name(array[, description]): itemType}, {@code name(object[, description]): {...}},
 * {@code name(enum[, description]): [A, B]} and {@code (*): type} for additional properties.
 */
final class Picoschema {

    private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean", "null", "any");
    private static final Set<String> JSON_SCHEMA_TYPES =
            Set.of("string", "number", "integer", "boolean", "null", "object", "array");
    private static final Pattern KEY =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)(\\?)?(?:\\(\\s*([a-z]+)\\s*(?:,\\s*(.*?))?\\s*\\))?");
    private static final String WILDCARD = "(*)";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String sourceName;
    private final YamlDocument document;

    Picoschema(String sourceName, YamlDocument document) {
        this.sourceName = sourceName;
        this.document = document;
    }

    /** The JSON Schema for the schema node at {@code pointer}. */
    ObjectNode toJsonSchema(JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            boolean jsonSchemaType =
                    type != null && (type.isArray() || (type.isTextual() && JSON_SCHEMA_TYPES.contains(type.asText())));
            if (jsonSchemaType
                    || (node.has("properties") && node.get("properties").isObject())) {
                ObjectNode copy = ((ObjectNode) node).deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "object");
                }
                return copy;
            }
            return object(node, pointer);
        }
        if (node.isTextual()) {
            return scalar(node.asText(), pointer);
        }
        throw error(
                pointer,
                "a schema must be a map of fields (Picoschema or JSON Schema) or a type name, got "
                        + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    private ObjectNode object(JsonNode node, String pointer) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        JsonNode additional = NODES.booleanNode(false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String fieldPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (key.equals(WILDCARD)) {
                additional = toJsonSchema(field.getValue(), fieldPointer);
                continue;
            }
            Matcher matcher = KEY.matcher(key.strip());
            if (!matcher.matches()) {
                throw error(
                        fieldPointer,
                        "`" + key + "` is not a Picoschema field. Write `name: type`, `name?: type`"
                                + " or `name(array|object|enum, description): ...`");
            }
            String name = matcher.group(1);
            ObjectNode property = property(matcher.group(3), field.getValue(), fieldPointer);
            if (matcher.group(4) != null && !matcher.group(4).isEmpty()) {
                property.put("description", matcher.group(4));
            }
            properties.set(name, property);
            if (matcher.group(2) == null) {
                required.add(name);
            }
        }
        schema.set("required", required);
        schema.set("additionalProperties", additional);
        return schema;
    }

    private ObjectNode property(String kind, JsonNode value, String pointer) {
        if (kind == null) {
            return toJsonSchema(value, pointer);
        }
        switch (kind) {
            case "array":
                ObjectNode array = NODES.objectNode();
                array.put("type", "array");
                array.set("items", toJsonSchema(value, pointer));
                return array;
            case "object":
                if (!value.isObject()) {
                    throw error(pointer, "an (object) field needs a map of fields below it");
                }
                return object(value, pointer);
            case "enum":
                if (!value.isArray()) {
                    throw error(pointer, "an (enum) field needs a list of values, e.g. [LOW, HIGH]");
                }
                ObjectNode enumeration = NODES.objectNode();
                enumeration.set("enum", value.deepCopy());
                return enumeration;
            default:
                throw error(pointer, "unknown Picoschema field kind `" + kind + "`; use array, object or enum");
        }
    }

    private ObjectNode scalar(String text, String pointer) {
        int comma = text.indexOf(',');
        String type = (comma < 0 ? text : text.substring(0, comma)).strip();
        String description = comma < 0 ? "" : text.substring(comma + 1).strip();
        if (!SCALARS.contains(type)) {
            throw error(
                    pointer,
                    "unknown Picoschema type `" + type + "`; use one of string, number, integer,"
                            + " boolean, null, any");
        }
        ObjectNode schema = NODES.objectNode();
        if (!type.equals("any")) {
            schema.put("type", type);
        }
        if (!description.isEmpty()) {
            schema.put("description", description);
        }
        return schema;
    }

    private PromptFormatException error(String pointer, String problem) {
        return new PromptFormatException(sourceName, document.lineOf(pointer), pointerToKey(pointer) + ": " + problem);
    }

    /** {@code /output/schema/answer} as {@code output.schema.answer}, the way users read keys. */
    static String pointerToKey(String pointer) {
        return pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    }
}
