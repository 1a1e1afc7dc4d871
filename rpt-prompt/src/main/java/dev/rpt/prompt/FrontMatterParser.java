package dev.rpt.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolChoice;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the front matter's YAML against the supported subset of dotprompt and builds a {@link PromptFrontMatter}. */
final class FrontMatterParser {

    static final List<String> TOP_LEVEL_KEYS = List.of("model", "config", "input", "output", "tools");
    static final List<String> CONFIG_KEYS = List.of(
            "temperature", "maxOutputTokens", "seed", "logprobs", "topLogprobs", "toolChoice", "parallelToolCalls");

    /** A tool name as OpenAI and Anthropic take it. */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sourceName;
    private final YamlDocument document;

    private FrontMatterParser(String sourceName, YamlDocument document) {
        this.sourceName = sourceName;
        this.document = document;
    }

    /** Parses the YAML text found between the {@code ---} lines; its first line is file line {@code firstLine}. */
    static PromptFrontMatter parse(String sourceName, String yaml, int firstLine) {
        YamlDocument document = YamlDocument.parse(sourceName, yaml, firstLine);
        if (document.root() == null
                || document.root().isMissingNode()
                || document.root().isNull()) {
            return PromptFrontMatter.EMPTY;
        }
        return new FrontMatterParser(sourceName, document).frontMatter(document.root());
    }

    private PromptFrontMatter frontMatter(JsonNode root) {
        if (!root.isObject()) {
            throw new PromptFormatException(
                    sourceName, document.firstLine(), "the front matter must be a YAML map of keys such as model:");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            // dotprompt reserves namespaced keys (containing a dot) for extensions: tools may add their own.
            if (!TOP_LEVEL_KEYS.contains(key) && !key.contains(".")) {
                throw error(
                        "/" + key,
                        "unknown front-matter key `" + key + "`. rpt supports " + String.join(", ", TOP_LEVEL_KEYS)
                                + "; extension keys must be namespaced with a dot, e.g. `myteam." + key + "`");
            }
        }
        Optional<String> model = Optional.ofNullable(root.get("model")).map(node -> text(node, "/model"));
        PromptParameters parameters = root.has("config") ? config(root.get("config")) : PromptParameters.NONE;
        Optional<List<PromptVariable>> variables =
                root.has("input") ? Optional.of(input(root.get("input"))) : Optional.empty();
        PromptOutput output = root.has("output") ? output(root.get("output")) : PromptOutput.UNDECLARED;
        return new PromptFrontMatter(model, parameters, variables, output, tools(root));
    }

    private PromptParameters config(JsonNode config) {
        requireMap(config, "/config");
        checkKeys(config, "/config", CONFIG_KEYS);
        Double temperature = null;
        if (config.has("temperature")) {
            temperature = number(config.get("temperature"), "/config/temperature", 0, 2);
        }
        Integer maxOutputTokens = null;
        if (config.has("maxOutputTokens")) {
            maxOutputTokens =
                    (int) integer(config.get("maxOutputTokens"), "/config/maxOutputTokens", 1, Integer.MAX_VALUE);
        }
        Long seed = null;
        if (config.has("seed")) {
            seed = integer(config.get("seed"), "/config/seed", Long.MIN_VALUE, Long.MAX_VALUE);
        }
        boolean logprobs = false;
        if (config.has("logprobs")) {
            JsonNode node = config.get("logprobs");
            if (!node.isBoolean()) {
                throw error("/config/logprobs", "config.logprobs must be true or false, got `" + node.asText() + "`");
            }
            logprobs = node.asBoolean();
        }
        int topLogprobs = 0;
        if (config.has("topLogprobs")) {
            topLogprobs = (int) integer(config.get("topLogprobs"), "/config/topLogprobs", 0, 20);
        }
        return new PromptParameters(temperature, maxOutputTokens, seed, logprobs, topLogprobs);
    }

    /** {@code tools}, with {@code config.toolChoice} and {@code config.parallelToolCalls}. */
    private PromptTools tools(JsonNode root) {
        List<PromptTool> tools = new ArrayList<>();
        JsonNode list = root.get("tools");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw error("/tools", "tools must be a list of tools, each with name, description and input");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                PromptTool tool = tool(list.get(i), "/tools/" + i);
                if (!names.add(tool.name())) {
                    throw error("/tools/" + i + "/name", "tools: `" + tool.name() + "` is declared twice");
                }
                tools.add(tool);
            }
        }
        JsonNode config = root.path("config");
        Optional<ToolChoice> choice = Optional.empty();
        if (config.has("toolChoice")) {
            String value = text(config.get("toolChoice"), "/config/toolChoice");
            choice = Optional.of(
                    switch (value) {
                        case "auto" -> ToolChoice.AUTO;
                        case "required" -> ToolChoice.REQUIRED;
                        case "none" -> ToolChoice.NONE;
                        default -> {
                            if (tools.stream().noneMatch(tool -> tool.name().equals(value))) {
                                throw error(
                                        "/config/toolChoice",
                                        "config.toolChoice must be auto, required, none or the name of a declared"
                                                + " tool, got `" + value + "`");
                            }
                            yield ToolChoice.function(value);
                        }
                    });
            if (tools.isEmpty() && choice.get() != ToolChoice.NONE) {
                throw error("/config/toolChoice", "config.toolChoice needs tools: declare them under tools");
            }
        }
        Optional<Boolean> parallel = Optional.empty();
        if (config.has("parallelToolCalls")) {
            JsonNode node = config.get("parallelToolCalls");
            if (!node.isBoolean()) {
                throw error(
                        "/config/parallelToolCalls",
                        "config.parallelToolCalls must be true or false, got `" + node.asText() + "`");
            }
            if (tools.isEmpty()) {
                throw error(
                        "/config/parallelToolCalls", "config.parallelToolCalls needs tools: declare them under tools");
            }
            parallel = Optional.of(node.asBoolean());
        }
        return new PromptTools(tools, choice, parallel);
    }

    /** One entry of {@code tools}: {@code name}, {@code description} and {@code input} (Picoschema or JSON Schema). */
    private PromptTool tool(JsonNode node, String pointer) {
        requireMap(node, pointer);
        checkKeys(node, pointer, List.of("name", "description", "input"));
        for (String key : List.of("name", "description", "input")) {
            if (!node.has(key) || node.get(key).isNull()) {
                // A list item itself maps to the line of its list, so the error points at the item's first key.
                Iterator<String> first = node.fieldNames();
                throw error(
                        first.hasNext() ? pointer + "/" + first.next() : pointer,
                        "a tool needs name, description and input; this one has no " + key);
            }
        }
        String name = text(node.get("name"), pointer + "/name");
        if (!TOOL_NAME.matcher(name).matches()) {
            throw error(
                    pointer + "/name",
                    "tool name `" + name + "`: use letters, digits, _ and - only, at most 64 characters (what OpenAI"
                            + " and Anthropic accept)");
        }
        String description = text(node.get("description"), pointer + "/description");
        requireMap(node.get("input"), pointer + "/input");
        ObjectNode schema = new Picoschema(sourceName, document).toJsonSchema(node.get("input"), pointer + "/input");
        try {
            return new PromptTool(name, description, new JsonSchema(JSON.writeValueAsString(schema)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<PromptVariable> input(JsonNode input) {
        requireMap(input, "/input");
        checkKeys(input, "/input", List.of("schema"));
        JsonNode schemaNode = input.get("schema");
        if (schemaNode == null || schemaNode.isNull()) {
            return List.of();
        }
        requireMap(schemaNode, "/input/schema");
        ObjectNode schema = new Picoschema(sourceName, document).toJsonSchema(schemaNode, "/input/schema");
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<PromptVariable> variables = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!TemplateScanner.isVariableName(field.getKey())) {
                throw error(
                        "/input/schema/" + field.getKey(),
                        "input.schema." + field.getKey()
                                + ": a variable name has letters, digits and underscores only, starting with a letter"
                                + " or underscore");
            }
            JsonNode description = field.getValue().get("description");
            variables.add(new PromptVariable(
                    field.getKey(),
                    required.contains(field.getKey()),
                    Optional.ofNullable(description).map(JsonNode::asText)));
        }
        return variables;
    }

    private PromptOutput output(JsonNode output) {
        requireMap(output, "/output");
        checkKeys(output, "/output", List.of("format", "schema", "answer", "confidence"));
        String format = output.has("format") ? text(output.get("format"), "/output/format") : null;
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw error("/output/format", "output.format must be json or text, got `" + format + "`");
        }
        Optional<ReplyPattern> answer = pattern(output, "answer");
        Optional<ReplyPattern> confidence = pattern(output, "confidence");
        JsonNode schemaNode = output.get("schema");
        if (schemaNode == null || schemaNode.isNull()) {
            if ("json".equals(format)) {
                throw error("/output/format", "output.format json needs an output.schema describing the JSON reply");
            }
            boolean text = "text".equals(format) || answer.isPresent() || confidence.isPresent();
            return text
                    ? new PromptOutput(PromptOutput.Format.TEXT, Optional.empty(), answer, confidence)
                    : PromptOutput.UNDECLARED;
        }
        if ("text".equals(format)) {
            throw error("/output/schema", "output.schema needs output.format json (or no output.format at all)");
        }
        if (answer.isPresent() || confidence.isPresent()) {
            throw error(
                    answer.isPresent() ? "/output/answer" : "/output/confidence",
                    "output.answer and output.confidence say where the answer is in a text reply; a JSON reply"
                            + " carries its answer in its `answer` field. Remove them, or use output.format text");
        }
        ObjectNode schema = new Picoschema(sourceName, document).toJsonSchema(schemaNode, "/output/schema");
        try {
            return new PromptOutput(
                    PromptOutput.Format.JSON,
                    Optional.of(new JsonSchema(JSON.writeValueAsString(schema))),
                    Optional.empty(),
                    Optional.empty());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code output.answer} or {@code output.confidence}: a regular expression with one group. */
    private Optional<ReplyPattern> pattern(JsonNode output, String key) {
        if (!output.has(key) || output.get(key).isNull()) {
            return Optional.empty();
        }
        String pointer = "/output/" + key;
        try {
            return Optional.of(new ReplyPattern(text(output.get(key), pointer)));
        } catch (IllegalArgumentException e) {
            throw error(pointer, "output." + key + " " + e.getMessage());
        }
    }

    private void checkKeys(JsonNode map, String pointer, List<String> allowed) {
        for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String name = Picoschema.pointerToKey(pointer) + "." + key;
                throw error(
                        pointer + "/" + key,
                        "unknown front-matter key `" + name + "`. Supported under " + Picoschema.pointerToKey(pointer)
                                + ": " + String.join(", ", allowed));
            }
        }
    }

    private void requireMap(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw error(
                    pointer, Picoschema.pointerToKey(pointer) + " must be a map of keys, got `" + node.asText() + "`");
        }
    }

    private String text(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            throw error(pointer, Picoschema.pointerToKey(pointer) + " must be a string, got `" + node + "`");
        }
        return node.asText();
    }

    private double number(JsonNode node, String pointer, double min, double max) {
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw error(
                    pointer,
                    Picoschema.pointerToKey(pointer) + " must be a number in [" + fmt(min) + ", " + fmt(max)
                            + "], got `" + node.asText() + "`");
        }
        return node.asDouble();
    }

    private long integer(JsonNode node, String pointer, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            String range = min == Long.MIN_VALUE
                    ? ""
                    : max >= Integer.MAX_VALUE ? " of at least " + min : " in [" + min + ", " + max + "]";
            throw error(
                    pointer,
                    Picoschema.pointerToKey(pointer) + " must be a whole number" + range + ", got `" + node.asText()
                            + "`");
        }
        return node.asLong();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private PromptFormatException error(String pointer, String problem) {
        return new PromptFormatException(sourceName, document.lineOf(pointer), problem);
    }
}
