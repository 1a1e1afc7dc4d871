// The report records the mode the test run used.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.configuration['rpt.check.mode'] == 'confidence-bound' : "the report does not record the mode: ${report.configuration}"
// invoker appends both builds to build.log: first the test phase, then rpt:check alone.
def log = new File(basedir, 'build.log').text
assert log.contains('accuracy ≥ 0.600 (lower bound) FAILED') : 'the test phase did not judge by the lower bound'
assert log.contains('rpt.check.mode=confidence-bound, as the checked test run used it (from its report)') : 'rpt:check does not say where its mode came from'
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must fail as the test phase did'
return true
