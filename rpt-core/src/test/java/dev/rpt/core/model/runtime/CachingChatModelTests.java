package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ReplayMissException;
import dev.rpt.core.model.ServerErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingChatModelTests {

    private static final ChatRequest REQUEST = ChatRequest.builder()
            .system("Be brief.")
            .user("What is 2+2?")
            .temperature(0.0)
            .build();

    @TempDir
    Path dir;

    private final ScriptedChatModel model =
            new ScriptedChatModel().otherwise(request -> ScriptedChatModel.reply("4", 12, 1));

    private CachingChatModel caching(CacheMode mode) {
        return new CachingChatModel(model, new ResponseCache(dir), mode, CacheEndpoint.of(model.info()));
    }

    private long entries() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(ResponseCache.FORMAT_FILE))
                    .count();
        }
    }

    @Test
    void aHitMakesNoCallToTheModel() throws IOException {
        CachingChatModel caching = caching(CacheMode.READ_WRITE);

        ChatResponse first = caching.chat(REQUEST);
        ChatResponse second = caching.chat(REQUEST);

        assertThat(model.calls()).isEqualTo(1);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second).isEqualTo(first.asCached());
        assertThat(entries()).isEqualTo(1);
        assertThat(new ResponseCache(dir).pathOf(CacheKey.of(CacheEndpoint.of(model.info()), REQUEST)))
                .isRegularFile();
    }

    @Test
    void anotherSampleIndexIsAnotherRequest() {
        CachingChatModel caching = caching(CacheMode.READ_WRITE);
        ChatRequest secondSample = REQUEST.toBuilder().sampleIndex(1).build();

        caching.chat(REQUEST);
        ChatResponse repeat = caching.chat(secondSample);

        assertThat(model.calls()).isEqualTo(2);
        assertThat(repeat.cached()).isFalse();
        assertThat(model.requests()).containsExactly(REQUEST, secondSample);
    }

    @Test
    void readOnlyServesHitsButNeverWrites() throws IOException {
        CachingChatModel readOnly = caching(CacheMode.READ_ONLY);

        readOnly.chat(REQUEST);
        readOnly.chat(REQUEST);

        assertThat(model.calls()).isEqualTo(2);
        assertThat(entries()).isZero();

        caching(CacheMode.READ_WRITE).chat(REQUEST);
        assertThat(readOnly.chat(REQUEST).cached()).isTrue();
        assertThat(model.calls()).isEqualTo(3);
    }

    @Test
    void replayOnlyFailsOnAMissWithHowToRecord() {
        CachingChatModel replay = caching(CacheMode.REPLAY_ONLY);
        String key = CacheKey.of(CacheEndpoint.of(model.info()), REQUEST);

        assertThatThrownBy(() -> replay.chat(REQUEST))
                .isInstanceOf(ReplayMissException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining(key)
                .hasMessageContaining("rpt.cache=replay-only")
                .hasMessageContaining("rpt.cache=read-write");
        assertThat(model.calls()).isZero();
    }

    @Test
    void replayOnlyServesARecording() {
        caching(CacheMode.READ_WRITE).chat(REQUEST);

        ChatResponse replayed = caching(CacheMode.REPLAY_ONLY).chat(REQUEST);

        assertThat(replayed.cached()).isTrue();
        assertThat(replayed.text()).isEqualTo("4");
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void offPassesEveryCallThrough() throws IOException {
        CachingChatModel off = caching(CacheMode.OFF);

        off.chat(REQUEST);
        off.chat(REQUEST);

        assertThat(model.calls()).isEqualTo(2);
        assertThat(entries()).isZero();
    }

    @Test
    void errorsAreNeverCached() throws IOException {
        ServerErrorException error = new ServerErrorException(500, "boom", null);
        ScriptedChatModel failing =
                new ScriptedChatModel().thenFail(error).thenReply(ScriptedChatModel.reply("4", 12, 1));
        CachingChatModel caching = new CachingChatModel(
                failing, new ResponseCache(dir), CacheMode.READ_WRITE, CacheEndpoint.of(failing.info()));

        assertThatThrownBy(() -> caching.chat(REQUEST)).isSameAs(error);
        assertThat(entries()).isZero();

        assertThat(caching.chat(REQUEST).cached()).isFalse();
        assertThat(failing.calls()).isEqualTo(2);
    }

    @Test
    void aCorruptEntryIsReplacedByAFreshReply() throws IOException {
        CachingChatModel caching = caching(CacheMode.READ_WRITE);
        caching.chat(REQUEST);
        Path entry = new ResponseCache(dir).pathOf(CacheKey.of(CacheEndpoint.of(model.info()), REQUEST));
        Files.writeString(entry, "{\"format\": 1, \"key\": \"trunc");

        ChatResponse response = caching.chat(REQUEST);

        assertThat(response.cached()).isFalse();
        assertThat(model.calls()).isEqualTo(2);
        assertThat(caching.chat(REQUEST).cached()).isTrue();
        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void aCacheStatesItsFormatOnceAndAReplayOfAnotherFormatSaysHowToRecordItAgain() throws IOException {
        caching(CacheMode.READ_WRITE).chat(REQUEST);
        Path format = dir.resolve(ResponseCache.FORMAT_FILE);
        assertThat(format).content().isEqualToIgnoringWhitespace("{\"format\" : " + CacheKey.FORMAT_VERSION + "}");

        // As if an older rpt had recorded the cache: its entries do not match this rpt's keys.
        Files.writeString(format, "{\"format\": 0}");
        ChatRequest another = REQUEST.toBuilder().sampleIndex(7).build();

        assertThatThrownBy(() -> caching(CacheMode.REPLAY_ONLY).chat(another))
                .isInstanceOf(ReplayMissException.class)
                .hasMessageContaining(
                        "was recorded in cache format 0, and this rpt reads format " + CacheKey.FORMAT_VERSION)
                .hasMessageContaining("rpt.cache=read-write");
    }
}
