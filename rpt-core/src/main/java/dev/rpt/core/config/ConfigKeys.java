package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apiguardian.api.API;

/**
 * Every {@code rpt.*} key rpt reads, so that a misspelt one is said instead of silently ignored: {@code
 * rpt.concurency=32} would otherwise leave the concurrency at its default without a word. A key is known when it is
 * one of {@link RptConstants}' keys or a Maven goal's parameter; when it names a member of an open family ({@code
 * rpt.price.<model>}, {@code rpt.headers.<name>}, {@code rpt.prompt-override.<resource>}); or when it is a known key
 * read for one role or one model ({@code rpt.tune.optimizer.model}, {@code rpt.judge.temperature}, {@code
 * rpt.models.<name>.base-url}).
 */
@API(status = INTERNAL, since = "0.2")
public final class ConfigKeys {

    /** The Maven goals' own switches, which are their parameters' properties rather than {@link RptConstants}. */
    private static final Set<String> GOAL_KEYS = Set.of(
            "rpt.skip",
            "rpt.tune.skip",
            "rpt.diagnose.skip",
            "rpt.report.skip",
            "rpt.check.skip",
            "rpt.check.halt-on-failure",
            "rpt.baseline.skip",
            "rpt.baseline.force",
            "rpt.baseline.pool",
            "rpt.cache.prune",
            "rpt.cache.clear");

    /** Families whose last part is a name the user chooses. */
    private static final List<String> OPEN_FAMILIES =
            List.of(RptConstants.HEADERS_PREFIX, RptConstants.PRICE_PREFIX, RptConstants.PROMPT_OVERRIDE_PREFIX);

    /** Prefixes under which any key is read again for one role. */
    private static final List<String> ROLES =
            List.of(RptConstants.TUNE_OPTIMIZER_PREFIX, RptConstants.JUDGE_PREFIX, RptConstants.DIAGNOSE_CRITIC_PREFIX);

    /** The one key a model configuration has that the top level has not. */
    private static final String MODEL_ONLY = "informational";

    private static final Set<String> KNOWN = known();

    /**
     * What a misspelt key outside a model configuration may have meant: the known keys and each of them read for a
     * role, so that a slip in the role's own part ({@code rpt.judeg.model}) is caught as well.
     */
    private static final Set<String> SUGGESTIBLE = withRoles(KNOWN);

    /** The same within {@code rpt.models.<name>.}, written as top-level keys: those and the model-only key. */
    private static final Set<String> SUGGESTIBLE_FOR_MODEL = with(SUGGESTIBLE, RptConstants.PREFIX + MODEL_ONLY);

    private ConfigKeys() {}

    /** Whether rpt reads this key; keys outside {@code rpt.*} are not rpt's to judge, so they count as known. */
    public static boolean isKnown(String key) {
        if (!key.startsWith(RptConstants.PREFIX) || KNOWN.contains(key)) {
            return true;
        }
        for (String family : OPEN_FAMILIES) {
            if (key.startsWith(family) && key.length() > family.length()) {
                return true;
            }
        }
        Optional<String> model = modelSuffix(key);
        if (model.isPresent()) {
            return model.get().equals(MODEL_ONLY) || isKnown(RptConstants.PREFIX + model.get());
        }
        for (String role : ROLES) {
            if (key.startsWith(role) && isKnown(RptConstants.PREFIX + key.substring(role.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One sentence for each key rpt does not read, in key order, naming the closest key it does read when one is
     * near.
     */
    public static List<String> unknown(Collection<String> keys) {
        return keys.stream()
                .filter(key -> !isKnown(key))
                .sorted()
                .map(key -> key + " is not a key rpt reads, so it has no effect."
                        + suggestion(key).map(s -> " Did you mean " + s + "?").orElse("")
                        + " Every key is listed in docs/configuration.md.")
                .toList();
    }

    /**
     * The nearest key valid where this one stands, if it is a few edits away: under {@code rpt.models.<name>.} the
     * keys a model configuration takes, {@code informational} included; elsewhere the known keys, read for a role or
     * not.
     */
    static Optional<String> suggestion(String key) {
        Optional<String> model = modelSuffix(key);
        if (model.isPresent()) {
            String prefix = key.substring(0, key.length() - model.get().length());
            return nearest(RptConstants.PREFIX + model.get(), SUGGESTIBLE_FOR_MODEL)
                    .map(found -> prefix + found.substring(RptConstants.PREFIX.length()));
        }
        return nearest(key, SUGGESTIBLE);
    }

    private static Optional<String> nearest(String key, Set<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        // A third of the key's last part, at least 2: catches swapped, missing and doubled letters, not other keys.
        int limit = Math.max(2, (key.length() - key.lastIndexOf('.')) / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance.apply(key, candidate);
            if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** For {@code rpt.models.<name>.<suffix>}, the suffix. */
    private static Optional<String> modelSuffix(String key) {
        if (!key.startsWith(RptConstants.MODELS_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(RptConstants.MODELS_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot <= 0 || dot == rest.length() - 1 ? Optional.empty() : Optional.of(rest.substring(dot + 1));
    }

    private static Set<String> withRoles(Set<String> keys) {
        Set<String> all = new HashSet<>(keys);
        for (String role : ROLES) {
            for (String key : keys) {
                if (ROLES.stream().noneMatch(key::startsWith)) {
                    all.add(role + key.substring(RptConstants.PREFIX.length()));
                }
            }
        }
        return Set.copyOf(all);
    }

    private static Set<String> with(Set<String> keys, String key) {
        Set<String> all = new HashSet<>(keys);
        all.add(key);
        return Set.copyOf(all);
    }

    private static Set<String> known() {
        Set<String> keys = new HashSet<>(GOAL_KEYS);
        for (Field field : RptConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith(RptConstants.PREFIX) && !value.endsWith(".")) {
                        keys.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("RptConstants' public fields are readable", e);
                }
            }
        }
        return Set.copyOf(keys);
    }
}
