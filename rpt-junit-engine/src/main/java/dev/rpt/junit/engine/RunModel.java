package dev.rpt.junit.engine;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.settings.ModelScope;
import java.util.Optional;

/**
 * One model of a run, with what belongs to it alone: its client, its concurrency limit (a local server and a hosted
 * API have different rate limits) and its ledger (each configuration is priced apart, since one model name can be
 * served at two prices).
 */
record RunModel(
        ModelTarget target, ModelScope settings, ChatModel chat, UsageLedger ledger, ConcurrencyLimiter limiter) {

    /**
     * Creates the client of one configuration.
     *
     * @throws ConfigException naming the key, prefixed with the configuration's name when the run names its models
     */
    static RunModel create(ModelTarget target, ModelScope settings) {
        try {
            UsageLedger ledger =
                    new UsageLedger(settings.prices(), settings.batch().priceFactor());
            ConcurrencyLimiter limiter = ConcurrencyLimiter.from(settings.config());
            return new RunModel(
                    target,
                    settings,
                    ChatModels.create(settings.config(), System::getenv, ledger, limiter),
                    ledger,
                    limiter);
        } catch (ConfigException e) {
            throw target.name()
                    .map(name -> new ConfigException("Model configuration '" + name + "' (" + RptConstants.MODELS_PREFIX
                            + name + ".* over the top-level keys): " + e.getMessage()))
                    .orElse(e);
        }
    }

    Optional<String> name() {
        return target.name();
    }

    boolean informational() {
        return target.informational();
    }

    /** The settings of a class's calls on this model. */
    EvaluationSettings evaluationSettings(PromptClassDescriptor testClass) {
        return new EvaluationSettings(
                testClass.confidence(),
                testClass.samples(),
                settings.temperature().isPresent() ? settings.temperature().getAsDouble() : null,
                settings.maxTokens(),
                settings.seed().isPresent() ? settings.seed().getAsLong() : null,
                settings.maxSteps());
    }

    /** What the report states about this model; only a named model is listed. */
    ModelRun toRun() {
        return new ModelRun(target.name().orElseThrow(), chat.info(), target.informational(), ledger.snapshot());
    }

    /** How the console names the model: its configuration's name and what it calls. */
    String label() {
        return target.name()
                .map(name -> name + " (" + chat.info().label() + ")")
                .orElse(chat.info().label());
    }
}
