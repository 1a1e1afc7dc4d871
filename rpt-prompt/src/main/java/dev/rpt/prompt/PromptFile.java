package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A parsed and validated prompt file (dotprompt convention, see {@code docs/prompt-format.md}). Immutable: the edit
 * methods return a new instance whose {@link #text()} is the complete new file.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PromptFile {

    private final String sourceName;
    private final String text;
    private final PromptFrontMatter frontMatter;
    private final int bodyStart;
    private final Optional<Section> system;
    private final Section user;

    private PromptFile(
            String sourceName,
            String text,
            PromptFrontMatter frontMatter,
            int bodyStart,
            Optional<Section> system,
            Section user) {
        this.sourceName = sourceName;
        this.text = text;
        this.frontMatter = frontMatter;
        this.bodyStart = bodyStart;
        this.system = system;
        this.user = user;
    }

    /**
     * Reads and parses a prompt file (UTF-8). Errors name the path as given.
     *
     * @throws PromptFormatException if the file is not a valid prompt
     * @throws IOException if it cannot be read
     */
    public static PromptFile parse(Path path) throws IOException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /**
     * Parses prompt text.
     *
     * @param sourceName the name errors use, usually the file's path
     * @param text the complete file content
     * @throws PromptFormatException if the text is not a valid prompt
     */
    public static PromptFile parse(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        LineIndex lines = new LineIndex(text);
        PromptSource source = PromptSource.split(sourceName, text, lines);
        PromptFrontMatter frontMatter = source.yaml() == null
                ? PromptFrontMatter.EMPTY
                : FrontMatterParser.parse(sourceName, source.yaml(), source.yamlFirstLine());
        List<Token> tokens = TemplateScanner.scan(sourceName, text, source.bodyStart(), lines);
        checkDeclared(sourceName, frontMatter, tokens);
        List<Token> markers = markers(sourceName, tokens);
        Optional<Section> system = section("system", markers, text, tokens);
        Optional<Section> userMarked = section("user", markers, text, tokens);
        int preambleEnd = markers.isEmpty() ? text.length() : markers.get(0).start();
        Section preamble = Section.of("user", null, text, source.bodyStart(), preambleEnd, tokens);
        if (userMarked.isPresent() && !preamble.isEmpty()) {
            throw new PromptFormatException(
                    sourceName,
                    lines.lineOf(preamble.coreStart()),
                    "text before the first role marker belongs to the user section, but there is also a"
                            + " {{role \"user\"}} marker at line "
                            + userMarked.get().marker().line()
                            + ". Move this text below one of the markers.");
        }
        return new PromptFile(sourceName, text, frontMatter, source.bodyStart(), system, userMarked.orElse(preamble));
    }

    /** The name errors use. */
    public String sourceName() {
        return sourceName;
    }

    /** The complete file text, exactly as read or as produced by an edit. */
    public String text() {
        return text;
    }

    /** The validated front matter. */
    public PromptFrontMatter frontMatter() {
        return frontMatter;
    }

    /** Whether the file has a {@code {{role "system"}}} section. */
    public boolean hasSystemSection() {
        return system.isPresent();
    }

    /**
     * The template text of a section as the tuner sees and replaces it: without leading and trailing comments and
     * whitespace, placeholders unrendered, line breaks as {@code \n}. Empty for a missing system section.
     *
     * @param role {@link Role#SYSTEM} or {@link Role#USER}
     */
    public String sectionText(Role role) {
        Optional<Section> section = section(role);
        return section.map(s -> LineEndings.convert(text.substring(s.coreStart(), s.coreEnd()), LineEndings.LF))
                .orElse("");
    }

    /** The names of all placeholders, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Section section : sections()) {
            section.tokens().stream()
                    .filter(token -> token.kind() == Token.Kind.VARIABLE)
                    .forEach(token -> names.add(token.value()));
        }
        return names;
    }

    /**
     * Fills in the placeholders. Values are inserted verbatim ({@link String#valueOf} for non-strings): this is
     * not HTML, and escaping would change what the model reads. Values for undeclared names are ignored.
     *
     * @throws MissingVariablesException listing every required variable without a (non-null) value
     */
    public RenderedPrompt render(Map<String, ?> variables) {
        Map<String, String> values = SectionRenderer.values(frontMatter, variables);
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        String systemText = system.map(s -> SectionRenderer.render(text, s, values, missing))
                .orElse("");
        String userText = SectionRenderer.render(text, user, values, missing);
        if (!missing.isEmpty()) {
            throw new MissingVariablesException(sourceName, missing);
        }
        Optional<ResponseFormat> responseFormat =
                frontMatter.outputSchema().map(schema -> new ResponseFormat(schemaName(), schema, true));
        return new RenderedPrompt(
                systemText,
                userText,
                frontMatter.model(),
                frontMatter.parameters(),
                responseFormat,
                frontMatter.output(),
                frontMatter.tools());
    }

    /**
     * A copy with the system and/or user section text replaced; everything else (front matter, role markers,
     * comments around the sections, line endings, a missing final newline) stays byte for byte. New text is
     * stripped and written with the file's dominant line ending. A missing system section is added at the top of
     * the body.
     *
     * @param systemText the new system text, or null to keep it
     * @param userText the new user text, or null to keep it
     * @throws PromptFormatException if the result is not a valid prompt (e.g. the text uses an undeclared variable)
     */
    public PromptFile withSections(String systemText, String userText) {
        String newText = SectionEditor.edit(text, bodyStart, system, user, systemText, userText);
        return parse(sourceName, newText);
    }

    /**
     * A copy with one tool's description replaced, e.g. by a tune; every other byte of the file stays as it is, the
     * tool's name and input schema (the application's contract with the model) included. The description is written
     * as a double-quoted YAML scalar.
     *
     * @param tool the name of a tool the front matter declares
     * @param description the new description, not blank
     * @throws IllegalArgumentException naming the declared tools when none has this name, or when the description is
     *     blank
     */
    public PromptFile withToolDescription(String tool, String description) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("the description of tool " + tool + " is blank");
        }
        List<PromptTool> tools = frontMatter.tools().tools();
        int index = -1;
        for (int i = 0; i < tools.size(); i++) {
            if (tools.get(i).name().equals(tool)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("the prompt declares no tool named " + tool + "; its tools are "
                    + tools.stream().map(PromptTool::name).toList());
        }
        LineIndex lines = new LineIndex(text);
        PromptSource source = PromptSource.split(sourceName, text, lines);
        String edited = ToolDescriptionEditor.edit(
                text, lines.startOf(source.yamlFirstLine()), source.yaml(), index, description.strip());
        return parse(sourceName, edited);
    }

    /** {@link #withSections} for the system section only. */
    public PromptFile withSystem(String systemText) {
        return withSections(Objects.requireNonNull(systemText, "systemText"), null);
    }

    /** {@link #withSections} for the user section only. */
    public PromptFile withUser(String userText) {
        return withSections(null, Objects.requireNonNull(userText, "userText"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PromptFile that && sourceName.equals(that.sourceName) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceName, text);
    }

    @Override
    public String toString() {
        return "PromptFile[" + sourceName + "]";
    }

    private Optional<Section> section(Role role) {
        return switch (role) {
            case SYSTEM -> system;
            case USER -> Optional.of(user);
            default -> throw new IllegalArgumentException("a prompt has system and user sections, not " + role);
        };
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>(2);
        system.ifPresent(sections::add);
        sections.add(user);
        sections.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return sections;
    }

    // OpenAI restricts schema names to [a-zA-Z0-9_-]{1,64}; the file's base name is the natural choice.
    private String schemaName() {
        String base = sourceName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.endsWith(".prompt")) {
            base = base.substring(0, base.length() - ".prompt".length());
        }
        String name = base.replaceAll("[^A-Za-z0-9_-]", "_");
        name = name.isEmpty() ? "prompt_output" : name;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static List<Token> markers(String sourceName, List<Token> tokens) {
        List<Token> markers =
                tokens.stream().filter(token -> token.kind() == Token.Kind.ROLE).toList();
        Map<String, Token> seen = new LinkedHashMap<>();
        for (Token marker : markers) {
            Token earlier = seen.putIfAbsent(marker.value(), marker);
            if (earlier != null) {
                throw new PromptFormatException(
                        sourceName,
                        marker.line(),
                        "second {{role \"" + marker.value() + "\"}} marker (the first is at line " + earlier.line()
                                + "). A prompt has at most one section per role: merge the two.");
            }
        }
        return markers;
    }

    private static Optional<Section> section(String role, List<Token> markers, String text, List<Token> tokens) {
        for (int i = 0; i < markers.size(); i++) {
            Token marker = markers.get(i);
            if (marker.value().equals(role)) {
                int end = i + 1 < markers.size() ? markers.get(i + 1).start() : text.length();
                return Optional.of(Section.of(role, marker, text, marker.end(), end, tokens));
            }
        }
        return Optional.empty();
    }

    private static void checkDeclared(String sourceName, PromptFrontMatter frontMatter, List<Token> tokens) {
        if (frontMatter.variables().isEmpty()) {
            return;
        }
        Map<String, List<Integer>> unknown = new LinkedHashMap<>();
        tokens.stream()
                .filter(token -> token.kind() == Token.Kind.VARIABLE)
                .filter(token -> frontMatter.variable(token.value()).isEmpty())
                .forEach(token -> unknown.computeIfAbsent(token.value(), name -> new ArrayList<>())
                        .add(token.line()));
        if (unknown.isEmpty()) {
            return;
        }
        String list = unknown.entrySet().stream()
                .map(entry -> "{{" + entry.getKey() + "}} at "
                        + entry.getValue().stream()
                                .map(line -> sourceName + ":" + line)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        String declared =
                frontMatter.variables().get().stream().map(PromptVariable::name).collect(Collectors.joining(", "));
        throw new PromptFormatException(
                sourceName,
                unknown.values().iterator().next().get(0),
                "unknown variable" + (unknown.size() == 1 ? " " : "s ") + list
                        + ". input.schema declares only: " + (declared.isEmpty() ? "(none)" : declared)
                        + ". Declare it in input.schema or fix the name.");
    }
}
