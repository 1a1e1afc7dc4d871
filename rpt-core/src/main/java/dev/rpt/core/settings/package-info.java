/**
 * The run's settings as one typed tree: {@link dev.rpt.core.settings.RunSettings} resolves the layered {@code rpt.*}
 * configuration once per run into a view per role and model ({@link dev.rpt.core.settings.ModelScope}), so that the
 * critic's timeout in a tune for model {@code local} is {@code settings.critic().forModel("local").timeout()}.
 */
package dev.rpt.core.settings;
