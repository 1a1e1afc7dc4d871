// The test phase passes (the errored case is tolerated by maxErrorRate); rpt:baseline refuses the run, names how many
// cases errored, and names the flag that forces it.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 25, Failures: 0, Errors: 0, Skipped: 5') : 'Surefire counts: 4 wrong answers and 1 errored case tolerated'
assert log.contains('[rpt]   ERRORED (tolerated) MathPromptTests solves[gsm-00]: BadRequestException') : 'the errored case line'
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:baseline/ : 'rpt:baseline must be the goal that fails'
assert log.contains('errored') : 'the refusal does not mention the errored cases'
assert log.contains('rpt.baseline.force') : 'the refusal does not say how to force it'
assert !new File(basedir, 'src/test/rpt/baseline.json').exists() : 'a baseline was written anyway'
return true
