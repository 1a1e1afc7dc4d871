/**
 * The build-tool-neutral core of rpt: prompt resources, model providers, metrics, diagnosis and the reflective
 * tuner. Nothing in this module depends on JUnit or Maven, so other front ends can reuse it.
 */
package dev.rpt.core;
