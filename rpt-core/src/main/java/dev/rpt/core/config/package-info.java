/**
 * Configuration: the {@code rpt.*} keys ({@link dev.rpt.core.config.RptConstants}) and typed, validated access to
 * them ({@link dev.rpt.core.config.RptConfig}).
 */
package dev.rpt.core.config;
