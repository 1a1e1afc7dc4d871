package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Every configuration key rpt reads. Keys can be set in {@code junit-platform.properties}, as Surefire
 * {@code configurationParameters}, as system properties ({@code -Drpt.model=...}) or in the plugin's
 * {@code <configuration>}. The user manual, {@code docs/configuration.md}, documents each one; a test keeps the two in
 * step.
 */
@API(status = INTERNAL, since = "0.1")
public final class RptConstants {

    /** The prefix of every key. */
    public static final String PREFIX = "rpt.";

    /**
     * The model provider: {@code openai} (any OpenAI-compatible server), {@code anthropic}, or {@code sim} (the
     * offline simulator). Required.
     */
    public static final String PROVIDER = "rpt.provider";

    /** The model name sent to the provider, e.g. {@code gpt-4.1-mini}. Required for real providers. */
    public static final String MODEL = "rpt.model";

    /**
     * The provider's base URL, e.g. {@code http://localhost:11434/v1} for Ollama. Defaults to the provider's public
     * API.
     */
    public static final String BASE_URL = "rpt.base-url";

    /**
     * The name of the environment variable that holds the API key, or {@code none} for servers without
     * authentication. Defaults to {@code OPENAI_API_KEY} or {@code ANTHROPIC_API_KEY}. The key itself is never
     * configured anywhere else.
     */
    public static final String API_KEY_ENV = "rpt.api-key-env";

    /**
     * The header that carries the API key for {@code openai}: {@code authorization} (a bearer token, the default) or
     * {@code api-key} (Azure OpenAI).
     */
    public static final String AUTH_HEADER = "rpt.auth-header";

    /**
     * A prefix for extra HTTP headers: {@code rpt.headers.OpenAI-Organization=org-123} sends {@code
     * OpenAI-Organization: org-123}. For non-secret values only.
     */
    public static final String HEADERS_PREFIX = "rpt.headers.";

    /** The Anthropic API version header. Defaults to {@code 2023-06-01}. */
    public static final String ANTHROPIC_VERSION = "rpt.anthropic.version";

    /** Sampling temperature for the model under test. Defaults to {@code 0}. */
    public static final String TEMPERATURE = "rpt.temperature";

    /** The output token limit per call. Defaults to {@code 1024}. */
    public static final String MAX_TOKENS = "rpt.max-tokens";

    /**
     * The model turns a case whose tools are stubbed (its {@code tool-results} variable) may take before rpt stops it:
     * 1 to 100, default 8. A case's own {@code max-steps} variable wins.
     */
    public static final String MAX_STEPS = "rpt.max-steps";

    /**
     * How much a reasoning model reasons before it answers: {@code none}, {@code minimal}, {@code low}, {@code medium}
     * or {@code high} (and {@code xhigh} or {@code max} where the model takes them), sent as OpenAI's {@code
     * reasoning_effort} and as Anthropic's {@code output_config.effort}. Unset sends nothing (the model's default). Read per
     * role, so the optimizer and critic take {@code rpt.tune.optimizer.reasoning-effort} and {@code
     * rpt.diagnose.critic.reasoning-effort}.
     */
    public static final String REASONING_EFFORT = "rpt.reasoning-effort";

    /**
     * How Anthropic models think: {@code off}, {@code adaptive} (the model decides how much, guided by {@link
     * #REASONING_EFFORT} sent as {@code output_config.effort}) or {@code budget} (a fixed {@link
     * #ANTHROPIC_THINKING_BUDGET}). Unset: {@code budget} when a budget is set, {@code adaptive} when an effort is, else
     * {@code off}.
     */
    public static final String ANTHROPIC_THINKING = "rpt.anthropic.thinking";

    /**
     * How structured output goes to Anthropic: {@code native} ({@code output_config.format}, the default) or {@code
     * tool} (a forced tool call, for models and gateways without native structured output).
     */
    public static final String ANTHROPIC_STRUCTURED_OUTPUT = "rpt.anthropic.structured-output";

    /** Whether Anthropic tools go out with {@code strict: true} (default {@code true}; {@code false} for gateways). */
    public static final String ANTHROPIC_STRICT_TOOLS = "rpt.anthropic.strict-tools";

    /**
     * Anthropic's extended thinking: the token budget for thinking before the answer (at least 1024, below {@code
     * rpt.max-tokens}); 0 or unset turns it off. Read per role, so {@code rpt.tune.optimizer.anthropic.thinking-budget=0}
     * turns it off for the optimizer, whose forced tool calls thinking does not allow.
     */
    public static final String ANTHROPIC_THINKING_BUDGET = "rpt.anthropic.thinking-budget";

    /** A sampling seed, for providers that support one. Unset by default. */
    public static final String SEED = "rpt.seed";

    /** The timeout of one HTTP call, e.g. {@code 60s}, {@code 2m} or {@code PT90S}. Defaults to {@code 60s}. */
    public static final String TIMEOUT = "rpt.timeout";

    /**
     * How many model calls of a run may be in flight at once, or {@code auto} for a limit that adapts to the
     * provider's throttling. Defaults to {@code 8}.
     */
    public static final String CONCURRENCY = "rpt.concurrency";

    /** The upper bound of {@code rpt.concurrency=auto}, 1 to 1024. Defaults to {@code 64}. */
    public static final String CONCURRENCY_MAX = "rpt.concurrency.max";

    /** Attempts per call, the first included, before a retryable error is reported. Defaults to {@code 5}. */
    public static final String RETRY_MAX_ATTEMPTS = "rpt.retry.max-attempts";

    /** The first backoff delay; it doubles per attempt, with jitter. Defaults to {@code 1s}. */
    public static final String RETRY_INITIAL_BACKOFF = "rpt.retry.initial-backoff";

    /** The cap on the total time one call spends waiting between retries. Defaults to {@code 2m}. */
    public static final String RETRY_MAX_WAIT = "rpt.retry.max-wait";

    /**
     * The response cache mode: {@code off}, {@code read-write} (default), {@code read-only}, {@code replay-only} or
     * {@code refresh} (call the model again and overwrite the entry).
     */
    public static final String CACHE = "rpt.cache";

    /**
     * The age beyond which a cache entry counts as missing, e.g. {@code 7d}, {@code 12h} or {@code P7D}: {@code
     * read-write}, {@code read-only} and {@code refresh} call the model again, {@code replay-only} serves the entry and
     * counts it. An entry without a write time (written by an earlier rpt) counts as older than any limit. Unset:
     * entries of any age are served.
     */
    public static final String CACHE_MAX_AGE = "rpt.cache.max-age";

    /** The cache directory. Defaults to {@code $XDG_CACHE_HOME/rpt} or {@code ~/.cache/rpt}. */
    public static final String CACHE_DIR = "rpt.cache.dir";

    /**
     * Headers from {@code rpt.headers.*} that select a deployment and are not secret, comma-separated: their values
     * take part in the response cache key, as the base URL does. Headers not named here never do.
     */
    public static final String CACHE_KEY_HEADERS = "rpt.cache.key-headers";

    /**
     * A prefix for model prices in USD per million tokens, as {@code input,output}: {@code
     * rpt.price.gpt-4.1-mini=0.40,1.60}. A model without a price has an unknown cost, never a guessed one.
     */
    public static final String PRICE_PREFIX = "rpt.price.";

    /**
     * The request field that carries the output token limit for {@code openai}: {@code max_completion_tokens} (the
     * default; required by OpenAI's reasoning models) or {@code max_tokens} (the legacy name, for older
     * OpenAI-compatible servers that ignore or reject the new one).
     */
    public static final String OPENAI_MAX_TOKENS_FIELD = "rpt.openai.max-tokens-field";

    /**
     * The simulator's answer key: comma-separated paths of JSONL files (one JSON object per line) or JSON files (an
     * object with an {@code examples} array, as BIG-Bench Hard ships, or a top-level array). Each path is read as a
     * file (relative to the working directory) or else as a classpath resource. Only read by the {@code sim}
     * provider; unset means an empty key, so every request gets the simulator's "I don't know" reply.
     */
    public static final String SIM_ANSWERS = "rpt.sim.answers";

    /** The field of an answer-key row that holds the question text. Defaults to {@code question}; BBH uses {@code input}. */
    public static final String SIM_QUESTION_FIELD = "rpt.sim.question-field";

    /**
     * The field of an answer-key row that holds the reference answer. Defaults to {@code answer}; BBH uses {@code
     * target}. GSM8K-style answers end with {@code #### <final answer>}.
     */
    public static final String SIM_ANSWER_FIELD = "rpt.sim.answer-field";

    /** Where runs write their reports: {@code last-run.json} and {@code runs/<run-id>/}. Defaults to {@code target/rpt}. */
    public static final String REPORT_DIR = "rpt.report.dir";

    /**
     * The share of cases held out from the optimizer when a case's split is not given, in [0, 1]. Defaults to
     * {@code 0.3}. {@code @PromptTest(holdoutFraction = ...)} overrides it per class.
     */
    public static final String HOLDOUT_FRACTION = "rpt.holdout.fraction";

    /** The salt of the deterministic held-out split by case id. Defaults to {@code rpt}; change it to reshuffle. */
    public static final String HOLDOUT_SALT = "rpt.holdout.salt";

    /**
     * What a class does with case rows that cannot be read or lack a variable its prompt or a criterion needs: {@code
     * fail} (the default) fails the class, listing every bad row at {@code file:line}; {@code skip} runs the class
     * without them and counts them in the summary and the run report. A dataset that is missing, or cannot be read past
     * a point, fails its class either way, because the rows it holds cannot be counted.
     */
    public static final String CASES_BAD_ROWS = "rpt.cases.bad-rows";

    /**
     * Where every case's confidence comes from, for all classes: {@code verbalized}, {@code logprobs} or {@code
     * consistency}. Unset means each class's {@code @PromptTest(confidence = ...)}, which defaults to verbalized.
     */
    public static final String CONFIDENCE = "rpt.confidence";

    /**
     * The samples per case for consistency confidence, 2 to 50. Unset means each class's {@code
     * @PromptTest(samples = ...)}, which defaults to 5.
     */
    public static final String CONFIDENCE_SAMPLES = "rpt.confidence.samples";

    /**
     * Run each case this many times with independent samples, 1 to 1000. Defaults to {@code 1}. The sample index is
     * part of the cache key, so repeats never come from the cache. A case passes only when every sample passes
     * (pass^N); the report keeps every sample, for pass rates. Use a temperature above 0.
     */
    public static final String REPEAT = "rpt.repeat";

    /** The number of equal-width bins for ECE and the reliability diagram, 1 to 1000. Defaults to {@code 10}. */
    public static final String METRICS_BINS = "rpt.metrics.bins";

    /**
     * A prefix that points a prompt resource at another file for one run: {@code
     * rpt.prompt-override.prompts/math-solver.prompt=/tmp/candidate.prompt}. The tuner uses it to evaluate candidate
     * prompts without touching the project's file.
     */
    public static final String PROMPT_OVERRIDE_PREFIX = "rpt.prompt-override.";

    /**
     * Runs only the prompt test classes whose {@code @PromptTest(prompt = ...)} is this resource, e.g. {@code
     * prompts/math-solver.prompt}; the others are not discovered. Unset runs every class. {@code rpt:tune} sets it to
     * run one prompt's classes per candidate.
     */
    public static final String RUN_PROMPT = "rpt.run.prompt";

    /**
     * The named model configurations to run, in this order, e.g. {@code local,hosted}: every case runs on each. Unset
     * runs every configuration declared with {@link #MODELS_PREFIX} keys, in name order; with none declared, the run
     * has one model, configured by the top-level keys.
     */
    public static final String MODELS = "rpt.models";

    /**
     * A prefix that declares a named model configuration: {@code rpt.models.<name>.X} overrides {@code rpt.X} for
     * that configuration only (provider, base URL, model, key variable, prices, headers, temperature, tokens,
     * reasoning settings, concurrency), e.g. {@code rpt.models.local.base-url=http://localhost:11434/v1}. {@code
     * rpt.models.<name>.informational=true} measures and reports a configuration without letting it fail the build.
     */
    public static final String MODELS_PREFIX = "rpt.models.";

    /** With several model configurations, the one {@code rpt:tune} and {@code rpt:diagnose} tune the prompt for. */
    public static final String TUNE_MODEL = "rpt.tune.model";

    /** The prompt resource {@code rpt:tune} and {@code rpt:diagnose} work on; unset means every prompt with tests. */
    public static final String TUNE_PROMPT = "rpt.tune.prompt";

    /** The most candidate evaluations of one tune, the seed's included. Defaults to {@code 5}. */
    public static final String TUNE_MAX_ITERATIONS = "rpt.tune.max-iterations";

    /** Stop after this many evaluations in a row that do not beat the best. Defaults to {@code 3}. */
    public static final String TUNE_PLATEAU = "rpt.tune.plateau";

    /** Stop as soon as every threshold holds on the held-out cases ({@code true}, the default), or keep improving. */
    public static final String TUNE_UNTIL_PASS = "rpt.tune.until-pass";

    /** Which earlier reports the optimizer sees: {@code all} (default), {@code last}, {@code last-k}, {@code summary}. */
    public static final String TUNE_MEMORY = "rpt.tune.memory";

    /** How many reports {@code last-k} memory keeps. Defaults to {@code 5}. */
    public static final String TUNE_MEMORY_K = "rpt.tune.memory.k";

    /** w in the held-out selection score {@code accuracy − w·Brier}. Defaults to {@code 0.05}, as in the paper. */
    public static final String TUNE_BRIER_WEIGHT = "rpt.tune.brier-weight";

    /**
     * What the tune maximises: {@code accuracy} (the default: the share of answers that pass), {@code pass-rate} (each
     * case's pass rate over {@link #TUNE_SAMPLES} samples, averaged) or {@code pass^k} (the share of cases whose every
     * sample passes). Each is combined with the Brier weight. A repeat objective runs every case {@code
     * rpt.tune.samples} times.
     */
    public static final String TUNE_OBJECTIVE = "rpt.tune.objective";

    /**
     * How many samples of each case a repeat objective ({@code pass-rate}, {@code pass^k}) draws per evaluation, 2 to
     * 100. Defaults to {@code rpt.repeat} when that is above 1, else {@code 3}.
     */
    public static final String TUNE_SAMPLES = "rpt.tune.samples";

    /**
     * The share of the held-out cases kept back for confirmation: they play no part in choosing the best candidate,
     * and only they decide whether it replaces the seed. Drawn by a hash of the case's class, method and id, in (0,
     * 1). Defaults to {@code 0.5}.
     */
    public static final String TUNE_CONFIRM_FRACTION = "rpt.tune.confirm-fraction";

    /** The accuracy gain on the confirmation cases a candidate must exceed to be adopted. Defaults to {@code 0.02}. */
    public static final String TUNE_MIN_GAIN = "rpt.tune.min-gain";

    /** The significance level of the adoption test, in (0, 0.5). Defaults to {@code 0.05}. */
    public static final String TUNE_ALPHA = "rpt.tune.alpha";

    /**
     * When the best candidate replaces the seed: {@code significant} (the default: its gain on the confirmation cases
     * is beyond {@code rpt.tune.min-gain} and significant) or {@code always} (whenever it beat the seed on the
     * selection cases). A candidate that fails a must-pass case is never adopted.
     */
    public static final String TUNE_ADOPT = "rpt.tune.adopt";

    /** A budget on model calls of one tune (target, critic and optimizer). Unset by default. */
    public static final String TUNE_MAX_CALLS = "rpt.tune.max-calls";

    /** A budget on tokens of one tune. Unset by default. */
    public static final String TUNE_MAX_TOKENS = "rpt.tune.max-tokens";

    /** A budget on cost of one tune, in USD; needs {@code rpt.price.*} for every model. Unset by default. */
    public static final String TUNE_MAX_COST = "rpt.tune.max-cost";

    /**
     * Continue the most recent interrupted tune of each prompt from its last completed iteration, instead of starting
     * anew. Defaults to {@code false}.
     */
    public static final String TUNE_RESUME = "rpt.tune.resume";

    /**
     * Print the cost estimate of the tune (calls, tokens and cost, an upper bound) and stop before any model call.
     * Defaults to {@code false}.
     */
    public static final String TUNE_ESTIMATE_ONLY = "rpt.tune.estimate-only";

    /** Print the diff of the best prompt without writing the file. Defaults to {@code false}. */
    public static final String TUNE_DRY_RUN = "rpt.tune.dry-run";

    /**
     * A prefix for the optimizer model's settings, overriding the target's: {@code rpt.tune.optimizer.provider},
     * {@code rpt.tune.optimizer.model}, {@code rpt.tune.optimizer.base-url}, {@code rpt.tune.optimizer.api-key-env}.
     */
    public static final String TUNE_OPTIMIZER_PREFIX = "rpt.tune.optimizer.";

    /**
     * A prefix for the judge model's settings, as {@link #TUNE_OPTIMIZER_PREFIX}: the judge of {@code @Criterion}
     * tests defaults to the target's settings, e.g. {@code rpt.judge.model=gpt-4.1} over {@code rpt.model}.
     */
    public static final String JUDGE_PREFIX = "rpt.judge.";

    /**
     * The judge prompt: a file, else a class-path resource, with the variables {@code criterion}, {@code input} and
     * {@code answer}. Defaults to rpt's own.
     */
    public static final String JUDGE_PROMPT = "rpt.judge.prompt";

    /**
     * The labels file: people's verdicts on the judge's criteria, keyed by case and answer, so that verdicts on every
     * model's answers accumulate and stay valid while the answer recurs. Defaults to {@code src/test/rpt/labels.jsonl}
     * when that file exists; a path given here must exist.
     */
    public static final String JUDGE_LABELS = "rpt.judge.labels";

    /** The judge's probability from which a criterion counts as met, in (0, 1]. Defaults to {@code 0.5}. */
    public static final String JUDGE_THRESHOLD = "rpt.judge.threshold";

    /**
     * Where the judge's probability comes from: {@code stated} (the number in its reply, the default) or {@code
     * logprobs} (the log-probabilities of its verdict token, where the provider returns them).
     */
    public static final String JUDGE_PROBABILITY = "rpt.judge.probability";

    /**
     * How many cases' model calls may run ahead of the case whose assertions run, per class. Defaults to {@code
     * 1024}: far more than any concurrency, so the model stays busy, while answers that arrive faster than assertions
     * run cannot pile up in memory.
     */
    public static final String CASES_AHEAD = "rpt.cases-ahead";

    /**
     * Whether a run's uncached calls go through the provider's batch API: {@code off} (the default), {@code on}, or
     * {@code auto} (when at least {@link #BATCH_MIN_CALLS} calls are uncached, and only on a server that has batch
     * endpoints).
     */
    public static final String BATCH = "rpt.batch";

    /** With {@code rpt.batch=auto}, the fewest uncached calls worth a batch. Defaults to {@code 100}. */
    public static final String BATCH_MIN_CALLS = "rpt.batch.min-calls";

    /**
     * How long a run waits for its batches, e.g. {@code 30m}; the requests still pending then error their cases, and
     * a re-run picks the same batch up. Defaults to {@code 1h}.
     */
    public static final String BATCH_WAIT = "rpt.batch.wait";

    /** How often a run asks a provider how its batch is doing. Defaults to {@code 30s}. */
    public static final String BATCH_POLL_INTERVAL = "rpt.batch.poll-interval";

    /** What a batch call costs relative to {@code rpt.price.*}, in (0, 1]. Defaults to {@code 0.5}. */
    public static final String BATCH_PRICE_FACTOR = "rpt.batch.price-factor";

    /** A prefix for the critic model's settings, as {@link #TUNE_OPTIMIZER_PREFIX}; {@code none} for no critic. */
    public static final String DIAGNOSE_CRITIC_PREFIX = "rpt.diagnose.critic.";

    /**
     * The embedding model that groups the critic's failure labels (embeddings + k-means), e.g. {@code
     * text-embedding-3-small} or {@code nomic-embed-text}; needs an OpenAI-compatible critic provider. Unset means
     * one grouping call to the critic instead.
     */
    public static final String DIAGNOSE_EMBEDDING_MODEL = "rpt.diagnose.embedding-model";

    /** The most critic calls per evaluation; failures beyond it are sampled by kind. Defaults to {@code 40}. */
    public static final String DIAGNOSE_MAX_CRITIQUES = "rpt.diagnose.max-critiques";

    /** The committed baseline {@code rpt:check} compares with. Defaults to {@code src/test/rpt/baseline.json}. */
    public static final String CHECK_BASELINE = "rpt.check.baseline";

    /**
     * The error budget of {@code rpt:check}'s regression tests, in (0, 0.5): the chance that an unchanged project fails
     * any of them, shared by every class, model, metric and judged criterion of one run report (Holm's step-down).
     * Defaults to {@code 0.05}.
     */
    public static final String CHECK_ALPHA = "rpt.check.alpha";

    /** The accuracy drop tolerated before a regression can fail the check. Defaults to {@code 0.02}. */
    public static final String CHECK_TOLERANCE_ACCURACY = "rpt.check.tolerance.accuracy";

    /** The ECE rise tolerated before a regression can fail the check. Defaults to {@code 0.02}. */
    public static final String CHECK_TOLERANCE_ECE = "rpt.check.tolerance.ece";

    /** The Brier rise tolerated before a regression can fail the check. Defaults to {@code 0.02}. */
    public static final String CHECK_TOLERANCE_BRIER = "rpt.check.tolerance.brier";

    /**
     * How absolute bounds on accuracy are checked: {@code point-estimate} (the default: the measured value) or {@code
     * confidence-bound} (the lower end of its 95% Wilson interval must clear the bound). The engine's thresholds test
     * and {@code rpt:check} both use it.
     */
    public static final String CHECK_MODE = "rpt.check.mode";

    /**
     * The most wrong or errored cases the engine prints one line each for, per class, 0 to 100000. Defaults to {@code
     * 20}; one line then counts the rest. The run report keeps every case.
     */
    public static final String OUTPUT_MAX_CASE_LINES = "rpt.output.max-case-lines";

    private RptConstants() {}
}
