/** The bar a prompt must clear: thresholds on accuracy, calibration and errors, and their check. */
package dev.rpt.core.gate;
