package dev.rpt.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The questions the simulator knows, indexed by their first words so that finding the question inside a prompt
 * costs one hash look-up per word of the prompt, not one scan per key entry. Immutable and thread-safe.
 */
final class AnswerKey {

    /** How many leading words of a question form its index key. */
    static final int INDEX_WORDS = 6;

    private final Map<String, List<KeyEntry>> byLeadingWords;
    private final int[] keyLengths;
    private final int size;

    private AnswerKey(Map<String, List<KeyEntry>> byLeadingWords, int[] keyLengths, int size) {
        this.byLeadingWords = byLeadingWords;
        this.keyLengths = keyLengths;
        this.size = size;
    }

    /** An index over the entries. When two entries have the same question, the first one wins. */
    static AnswerKey of(List<KeyEntry> entries) {
        Map<String, List<KeyEntry>> index = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        int size = 0;
        for (KeyEntry entry : entries) {
            if (entry.question().isEmpty()) {
                continue;
            }
            String[] words = entry.question().split(" ");
            int length = Math.min(INDEX_WORDS, words.length);
            String key = String.join(" ", java.util.Arrays.copyOf(words, length));
            List<KeyEntry> bucket = index.computeIfAbsent(key, unused -> new ArrayList<>());
            if (bucket.stream().noneMatch(known -> known.question().equals(entry.question()))) {
                bucket.add(entry);
                lengths.add(length);
                size++;
            }
        }
        return new AnswerKey(
                Map.copyOf(index), lengths.stream().mapToInt(Integer::intValue).toArray(), size);
    }

    static AnswerKey empty() {
        return of(List.of());
    }

    /** How many distinct questions the key holds. */
    int size() {
        return size;
    }

    /**
     * The key question that occurs in the text. When several do, the one that starts last wins (the question being
     * asked usually follows any examples), and among those the longest.
     */
    Optional<KeyEntry> find(String text) {
        if (size == 0) {
            return Optional.empty();
        }
        String normalized = QuestionText.normalize(text);
        int[] starts = wordStarts(normalized);
        for (int word = starts.length - 1; word >= 0; word--) {
            KeyEntry best = null;
            for (int length : keyLengths) {
                if (word + length > starts.length) {
                    break;
                }
                int end = word + length < starts.length ? starts[word + length] - 1 : normalized.length();
                List<KeyEntry> bucket = byLeadingWords.get(normalized.substring(starts[word], end));
                if (bucket == null) {
                    continue;
                }
                for (KeyEntry entry : bucket) {
                    boolean longer = best == null
                            || entry.question().length() > best.question().length();
                    if (longer && normalized.startsWith(entry.question(), starts[word])) {
                        best = entry;
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static int[] wordStarts(String normalized) {
        if (normalized.isEmpty()) {
            return new int[0];
        }
        int count = 1;
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == ' ') {
                count++;
            }
        }
        int[] starts = new int[count];
        int next = 1;
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == ' ') {
                starts[next++] = i + 1;
            }
        }
        return starts;
    }
}
