// The resumed tune restores iterations 1 and 2 from the record, evaluates the rest, and finishes the tune.
def log = new File(basedir, 'build.log').text
assert log =~ /Resumed .*-math after iteration 2/ : 'the tune did not resume from the record'
def third = (log =~ /iteration 3\/\d+: held-out accuracy ([0-9.]+)/).collect { it[1] }
assert third.size() == 2 : "iteration 3 must run once before the interruption and once after: ${third}"
// The resumed iteration applies the same pending patch to the same restored candidate, so on the simulator it
// measures the same held-out accuracy as the uninterrupted run did.
assert third[0] == third[1] : "the resumed iteration 3 differs from the original: ${third}"
def resumed = log.substring(log.indexOf('Resumed '))
assert !(resumed =~ /iteration [12]\/\d+: held-out/) : 'iterations 1 and 2 were run again instead of restored'
assert log.contains('Wrote the best candidate to') : 'the resumed tune did not write the prompt'
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt.contains('{{question}}') : 'the placeholder was lost'
def tune = new File(basedir, 'target/rpt/tune')
def records = tune.listFiles().findAll { it.name.endsWith('-math') }
assert records.size() == 1 : "resume must continue the record, not start another: ${tune.list()}"
def summary = new groovy.json.JsonSlurper().parse(new File(records[0], 'summary.json'))
assert summary.iterations.size() >= 3
assert summary.written == true
return true
