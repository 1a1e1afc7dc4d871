/**
 * The verdict on a prompt test class, decided in one place: which wrong or errored cases a class tolerates ({@link
 * dev.rpt.core.verdict.ClassRules}), what the cases that it does not tolerate come to ({@link
 * dev.rpt.core.verdict.CaseFindings}), and the verdict itself ({@link dev.rpt.core.verdict.ClassVerdict}) under the
 * settings the run used ({@link dev.rpt.core.verdict.VerdictSettings}). The engine applies these rules as the cases run
 * and writes each class's verdict, with its settings, into the run report; {@code rpt:check} reads that verdict, so
 * the test phase and the gate can never disagree about a class.
 */
package dev.rpt.core.verdict;
