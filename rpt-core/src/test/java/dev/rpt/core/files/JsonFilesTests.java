package dev.rpt.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTests {

    @TempDir
    Path dir;

    @JsonPropertyOrder({"name", "items"})
    record Outer(String name, List<Inner> items) {
        Outer {
            JsonChecks.text(name, "name");
            items = JsonChecks.list(items);
        }
    }

    @JsonPropertyOrder({"count", "share"})
    record Inner(Integer count, OptionalDouble share) {
        Inner {
            JsonChecks.count(count, "count");
            share = JsonChecks.unit(share, "share");
        }
    }

    @Test
    void writesInTheDeclaredOrderWithNullForAnAbsentNumberAndReadsItBack() throws IOException {
        Path file = dir.resolve("a/b.json");
        Outer value =
                new Outer("x", List.of(new Inner(2, OptionalDouble.empty()), new Inner(0, OptionalDouble.of(0.5))));

        JsonFiles.write(file, value);

        assertThat(file)
                .content()
                .isEqualTo("{\n  \"name\" : \"x\",\n  \"items\" : [ {\n    \"count\" : 2,\n    \"share\" : null\n  },"
                        + " {\n    \"count\" : 0,\n    \"share\" : 0.5\n  } ]\n}\n");
        assertThat(JsonFiles.bind(JsonFiles.readTree(file), Outer.class)).isEqualTo(value);
    }

    @Test
    void aFieldAnOlderReaderDoesNotKnowIsIgnoredAndAMissingListReadsAsEmpty() throws IOException {
        Path file = dir.resolve("newer.json");
        Files.writeString(file, "{\"name\": \"x\", \"addedLater\": true}");

        assertThat(JsonFiles.bind(JsonFiles.readTree(file), Outer.class)).isEqualTo(new Outer("x", List.of()));
    }

    @Test
    void aBadValueIsNamedByItsPath() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"x\", \"items\": [{\"count\": 1}, {\"count\": 1, \"share\": 7}]}");

        assertThatThrownBy(() -> JsonFiles.bind(JsonFiles.readTree(file), Outer.class))
                .isInstanceOfSatisfying(JsonFileException.class, e -> {
                    assertThat(e.field()).isEqualTo("items[1].share");
                    assertThat(e.problem()).isEqualTo("must be a number in [0, 1] or null, got 7.0");
                });
        Files.writeString(file, "{\"items\": []}");
        assertThatThrownBy(() -> JsonFiles.bind(JsonFiles.readTree(file), Outer.class))
                .hasMessage("name: must be a string and is missing");
        Files.writeString(file, "{\"name\": \"x\", \"items\": [{\"count\": \"many\"}]}");
        assertThatThrownBy(() -> JsonFiles.bind(JsonFiles.readTree(file), Outer.class))
                .isInstanceOfSatisfying(
                        JsonFileException.class, e -> assertThat(e.field()).isEqualTo("items[0].count"));
    }

    @Test
    void anEmptyFileBrokenJsonAndAMissingFileEachSaySo() throws IOException {
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": \"x\",\n  oops\n}");

        assertThatThrownBy(() -> JsonFiles.readTree(dir.resolve("empty.json")))
                .hasMessage("the top level: must be a JSON object, and the file is empty");
        assertThatThrownBy(() -> JsonFiles.readTree(dir.resolve("broken.json")))
                .isInstanceOfSatisfying(
                        JsonFileException.class, e -> assertThat(e.field()).isEqualTo("line 3, column 3"));
        assertThatThrownBy(() -> JsonFiles.readTree(dir.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
