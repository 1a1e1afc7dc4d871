package dev.rpt.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.judge.Judge;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.TokenLogprob;
import dev.rpt.core.model.TokenLogprob.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge of {@code @Criterion} tests ({@code rpt_judgement}): a keyword rule, not a model. It reads the criterion
 * and the answer from rpt's default judge prompt and checks the criterion's quoted phrases against the answer, or,
 * when the criterion quotes nothing, its content words. The rule is documented in {@code docs/simulator.md}.
 */
final class JudgeRole implements SimRole {

    static final String FORMAT = Judge.JUDGEMENT.name();

    private static final Pattern CRITERION = Pattern.compile("(?m)^Criterion: (.*)$");
    private static final Pattern ANSWER = Pattern.compile("Its answer:\\n<<<\\n(.*)\\n>>>", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"”]+)[\"”]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> STOP_WORDS = Set.of(
            "answer",
            "about",
            "after",
            "again",
            "also",
            "does",
            "each",
            "from",
            "have",
            "into",
            "just",
            "mentions",
            "more",
            "must",
            "once",
            "only",
            "says",
            "should",
            "than",
            "that",
            "their",
            "them",
            "then",
            "there",
            "they",
            "this",
            "uses",
            "what",
            "when",
            "which",
            "with",
            "without",
            "your");

    @Override
    public String name() {
        return "judge";
    }

    /** Whether the request asks for a judge's verdict. */
    static boolean wanted(ChatRequest request) {
        return request.responseFormat() != null
                && FORMAT.equals(request.responseFormat().name());
    }

    @Override
    public ChatResponse respond(ChatRequest request, String modelLabel) {
        String user = SimJson.last(request.messages(), Role.USER);
        Matcher criterion = CRITERION.matcher(user);
        Matcher answer = ANSWER.matcher(user);
        ObjectNode verdict = JsonNodeFactory.instance.objectNode();
        if (!criterion.find() || !answer.find()) {
            verdict.put("met", false).put("probability", 0.5);
            verdict.put(
                    "reason",
                    "The simulator's judge reads only rpt's default judge prompt (lines 'Criterion: ...' and 'Its"
                            + " answer:' between <<< and >>>), so it cannot grade this one.");
        } else {
            grade(criterion.group(1).strip(), answer.group(1), verdict);
        }
        String text = verdict.toString();
        Usage usage = Usage.of(TokenEstimate.ofMessages(request.messages()), TokenEstimate.of(text));
        List<TokenLogprob> logprobs = request.logprobs()
                ? logprobs(text, verdict.get("probability").asDouble(), request.topLogprobs())
                : List.of();
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, usage, logprobs, modelLabel, false);
    }

    /**
     * Synthetic log-probabilities of a verdict: the {@code true}/{@code false} token after {@code "met":} carries the
     * judge's probability (its alternative the rest), every other token is certain. So a logprob-reading judge gets
     * the same probability as the stated one: the simulator has no second opinion to offer.
     */
    static List<TokenLogprob> logprobs(String text, double probabilityMet, int top) {
        List<TokenLogprob> logprobs = new ArrayList<>();
        boolean afterMet = false;
        for (String token : SimLogprobs.tokens(text)) {
            boolean verdict = afterMet && (token.equals("true") || token.equals("false"));
            if (!verdict) {
                logprobs.add(new TokenLogprob(token, 0.0, top == 0 ? List.of() : List.of(new Alternative(token, 0.0))));
                afterMet = afterMet || token.equals("met");
                continue;
            }
            afterMet = false;
            // A floor keeps the log finite when the judge is certain.
            double met = Math.log(Math.max(probabilityMet, 1e-9));
            double unmet = Math.log(Math.max(1 - probabilityMet, 1e-9));
            double chosen = token.equals("true") ? met : unmet;
            List<Alternative> alternatives = top == 0
                    ? List.of()
                    : token.equals("true")
                            ? List.of(new Alternative("true", met), new Alternative("false", unmet))
                            : List.of(new Alternative("false", unmet), new Alternative("true", met));
            logprobs.add(new TokenLogprob(token, chosen, alternatives));
        }
        return logprobs;
    }

    /** The rule: the share of the criterion's quoted phrases (else content words) the answer holds decides. */
    static void grade(String criterion, String answer, ObjectNode verdict) {
        String lowerAnswer = answer.toLowerCase(Locale.ROOT);
        List<String> terms = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(criterion);
        while (quoted.find()) {
            terms.add(quoted.group(1).strip().toLowerCase(Locale.ROOT));
        }
        if (terms.isEmpty()) {
            Matcher word = WORD.matcher(criterion.toLowerCase(Locale.ROOT));
            while (word.find()) {
                if (word.group().length() >= 4 && !STOP_WORDS.contains(word.group())) {
                    terms.add(word.group());
                }
            }
        }
        List<String> found = terms.stream().filter(lowerAnswer::contains).toList();
        List<String> missing =
                terms.stream().filter(term -> !lowerAnswer.contains(term)).toList();
        double score = terms.isEmpty() ? 0.5 : (double) found.size() / terms.size();
        double probability = Math.round((0.05 + 0.9 * score) * 1000) / 1000.0;
        verdict.put("met", probability >= 0.5);
        verdict.put("probability", probability);
        verdict.put(
                "reason",
                terms.isEmpty()
                        ? "The criterion names nothing the simulator's judge can look for."
                        : missing.isEmpty()
                                ? "The answer contains " + quote(found) + "."
                                : "The answer lacks " + quote(missing)
                                        + (found.isEmpty() ? "." : " but contains " + quote(found) + "."));
    }

    private static String quote(List<String> terms) {
        return String.join(", ", terms.stream().map(term -> "\"" + term + "\"").toList());
    }
}
