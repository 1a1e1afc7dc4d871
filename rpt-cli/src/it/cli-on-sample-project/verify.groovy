def log = new File(basedir, 'build.log').text
// Build 1: the estimate before any model call, then the tune of the four prompts, all through java -jar rpt-cli.jar.
assert log.contains('Estimate for prompts/math-solver.prompt, at most:') : 'rpt estimate printed no estimate'
assert log.contains('Estimate only (rpt.tune.estimate-only): no model was called.') : 'rpt estimate called a model'
assert log.count('Wrote the best candidate to') == 4 : 'rpt tune did not write the four prompts'
assert log.contains('targeted acted before looking up the order') : 'the tool-calling prompt was not tuned on its mode'
assert log.contains('SIMULATOR') : 'the simulator did not announce itself'
// rpt check before any test run: exit 2, saying how to get a report.
assert log.contains('rpt check: No run report at') : 'rpt check without a report'
assert log.contains('run the prompt tests first (mvn test, gradle test)') : 'the fix is named'
// Build 2: the tuned prompts pass their tests.
assert log =~ /Tests run: 336, Failures: 0, Errors: 0, Skipped: [1-9]\d*/ : 'the tuned prompts pass'
// Build 3: the gate passes against the committed baseline (exit 0).
assert log.contains('rpt check passed: 4 prompt test classes') : 'rpt check did not pass on the committed baseline'
// Build 4: against a clearly better baseline the gate fails (exit 1, which the build expects).
assert log.contains('MathSolverPromptTests: accuracy REGRESSED: baseline 1.000') : 'the regression'
assert log.contains('rpt check found') : 'the failure message'
assert log.contains('accept with `rpt baseline`') : 'the advice names the command line\'s commands'
assert !log.contains('mvn rpt:') : 'no Maven goal is suggested to a user of the command line'
def html = new File(basedir, 'target/rpt/report.html').text
assert html.contains('accept with `rpt baseline`') : 'the HTML report rpt check wrote names the command line\'s commands'
assert !html.contains('mvn rpt:') : 'no Maven goal in the HTML report rpt check wrote'
assert log.count('BUILD SUCCESS') == 4 : 'every build ends as its exit code is expected'
return true
