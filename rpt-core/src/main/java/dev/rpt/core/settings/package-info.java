/**
 * The run's settings as one typed tree: {@link dev.rpt.core.settings.RunSettings} resolves the layered {@code rpt.*}
 * configuration once per run into a view per role and model ({@link dev.rpt.core.settings.ModelScope}), so that the
 * judge's timeout for model {@code local} is {@code settings.judge().forModel("local").timeout()}.
 */
package dev.rpt.core.settings;
