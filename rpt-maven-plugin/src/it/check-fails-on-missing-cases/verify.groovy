// The tests pass on the 16 cases left; the gate does not compare them with the 24 of the baseline as if nothing was
// lost: it fails, naming how many are missing and the first ids.
def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 17, Failures: 0, Errors: 0/ : 'the prompt tests pass on the cases left'
assert log.contains('MathPromptTests: 8 of the baseline\'s 24 cases did not run (solves[gsm-16], solves[gsm-17], solves[gsm-18], solves[gsm-19], solves[gsm-20] and 3 more), so the run cannot be compared like with like') : 'the missing cases'
assert log.contains('record a new baseline with `mvn rpt:baseline`')
assert !log.contains('rpt:check passed')
assert log.contains('BUILD FAILURE')
return true
