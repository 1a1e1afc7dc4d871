/**
 * The {@code rpt} JUnit Platform engine: discovery of prompt test classes into class, method, case and thresholds
 * descriptors, and their execution. Internal: not an API.
 */
package dev.rpt.junit.engine;
