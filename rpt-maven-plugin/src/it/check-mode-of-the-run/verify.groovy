// The report records the mode the test run used, the verdict it decided and what the verdict was decided with.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.configuration['rpt.check.mode'] == 'confidence-bound' : "the report does not record the mode: ${report.configuration}"
assert report.verdictSettings.checkMode == 'confidence-bound' : "no verdict settings: ${report.verdictSettings}"
assert report.verdictSettings.confidenceBounds == 1 : "one class with minAccuracy: ${report.verdictSettings}"
assert report.classes[0].verdict.passed == false : "the class's recorded verdict: ${report.classes[0].verdict}"
// invoker appends the builds to build.log: the test phase, rpt:check alone, then rpt:check told another mode.
def log = new File(basedir, 'build.log').text
assert log.contains('accuracy ≥ 0.600 (lower bound) FAILED') : 'the test phase did not judge by the lower bound'
assert log.contains('Verdicts as the checked test run decided them: rpt.check.mode=confidence-bound') : 'rpt:check does not say where its verdicts came from'
assert log.contains('accuracy 0.667 has a one-sided 95% lower bound (rpt.check.alpha 0.05 shared by 1 bound)') : 'rpt:check does not report the recorded verdict'
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must fail as the test phase did'
assert log.contains('rpt.check.mode=point-estimate, but the checked test run used confidence-bound') : 'a conflicting mode for rpt:check must be refused, naming the key'
return true
