/**
 * The gate's flows as every front end runs them, the Maven goals and the command line alike: {@link
 * dev.rpt.tools.flow.CheckFlow} ({@code rpt:check}) and {@link dev.rpt.tools.flow.BaselineFlow} ({@code
 * rpt:baseline}), over the test run's report. The tune's flow is {@link dev.rpt.tools.tune.TuneFlow}.
 */
package dev.rpt.tools.flow;
