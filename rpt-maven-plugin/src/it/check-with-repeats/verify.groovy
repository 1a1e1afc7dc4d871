// The baseline of a repeated run keeps every sample, and rpt:check compares pass rates rather than pass^3.
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'src/test/rpt/baseline.json'))
def cases = baseline.classes[0].cases
assert cases.size() == 24
cases.each { c ->
    assert c.samples == 3
    assert c.sampleOutcomes.size() == 3
    assert c.passes == c.sampleOutcomes.count { it.outcome == 'passed' }
}
def log = new File(basedir, 'build.log').text
assert log.contains('paired sign-flip test on pass rates') : 'accuracy was not compared on pass rates'
assert log.contains('paired randomization test') : 'calibration was not compared by randomization'
assert log.contains('rpt:check passed') : 'the check did not pass'
assert log.contains('BUILD SUCCESS')
return true
