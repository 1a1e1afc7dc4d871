/**
 * The rpt command line ({@link dev.rpt.cli.Rpt}): the Maven goals' flows for Gradle and any CI. Not an API: the
 * commands, options and exit codes are documented in {@code docs/cli.md}.
 */
package dev.rpt.cli;
