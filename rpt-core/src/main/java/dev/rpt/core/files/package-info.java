/**
 * Writing files atomically ({@link dev.rpt.core.files.AtomicFiles}), and the one Jackson configuration for every JSON
 * file rpt writes (run report, baseline, diagnostic report, tune record
 * and checkpoint, cache entry), and reading with errors that name the file, the field and the fix.
 *
 * <p>The versioning rule every format follows: a file carries its format's version; adding a field keeps the version
 * (readers ignore fields they do not know, and a field that older files lack reads as absent); anything else bumps it,
 * and the reader of the new version still reads the previous one. A file of a version this rpt cannot read fails with
 * one message that gives the one-line migration.
 */
package dev.rpt.core.files;
