/**
 * The {@code rpt} Maven goals. {@code rpt:tune} and {@code rpt:diagnose} run the project's own prompt tests in an
 * isolated class loader, through {@code dev.rpt.junit.launch.PromptTestLauncher}, once per candidate prompt.
 */
package dev.rpt.maven;
