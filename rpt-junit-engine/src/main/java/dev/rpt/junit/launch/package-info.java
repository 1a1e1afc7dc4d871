/**
 * Runs the {@code rpt} engine programmatically, for build tools that load the project's test classes in a class
 * loader of their own: only JDK types cross the boundary, so the caller needs none of the engine's classes.
 */
package dev.rpt.junit.launch;
