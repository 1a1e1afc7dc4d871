// A pass^3 tune: three samples per case in every run, the unstable cases diagnosed, and fewer of them at the end.
def log = new File(basedir, 'build.log').text
assert !log.contains('rpt.temperature is 0') : 'warned about greedy sampling at temperature 0.7'
assert log =~ /iteration 1\/\d+: held-out accuracy .*, pass\^3 \d\.\d{3}, unstable \d+ of \d+ \(tune \d+ of \d+\)/ : 'the seed line shows no pass^3'
def tune = new File(basedir, 'target/rpt/tune')
def record = tune.listFiles().find { it.name.endsWith('-math') }
def summary = new groovy.json.JsonSlurper().parse(new File(record, 'summary.json'))
assert summary.objective == 'pass^3'
def seed = summary.iterations.find { it.iteration == summary.seedIteration }
def best = summary.iterations.find { it.iteration == summary.bestIteration }
assert seed.reliability.tune.unstable > 0 : "the seed has no unstable case: ${seed.reliability}"
def unstable = { it.reliability.tune.unstable + it.reliability.holdout.unstable }
assert unstable(best) < unstable(seed) : "unstable cases did not fall: ${seed.reliability} -> ${best.reliability}"
def seedRun = new groovy.json.JsonSlurper().parse(new File(record, 'iteration-01/report/last-run.json'))
assert seedRun.cases.size() == 72 : "three samples of 24 cases expected, got ${seedRun.cases.size()}"
assert seedRun.cases*.sample.toSet() == [0, 1, 2] as Set
def diagnostic = new groovy.json.JsonSlurper().parse(new File(record, 'iteration-01/diagnostic.json'))
assert diagnostic.failureModes*.label.contains('unstable') : "no unstable mode: ${diagnostic.failureModes*.label}"
assert log.contains('BUILD SUCCESS')
return true
