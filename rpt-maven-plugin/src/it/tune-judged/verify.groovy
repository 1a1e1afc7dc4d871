// rpt:tune on a judged prompt: every candidate's replies are judged, the judged outcomes rank the candidates, the
// judge's reasons reach the critic through the failure messages, and the judge's calls count in the tune's spend.
def log = new File(basedir, 'build.log').text
assert log.contains('[rpt] SIMULATOR: the judge is the offline simulator') : 'the judge is not announced'
assert log =~ /iteration 1\/\d+: held-out accuracy [01]\.\d{3}/ : 'no progress line for the seed'
assert log =~ /iteration 2\/\d+: held-out accuracy [01]\.\d{3} .*; targeted .+/ : 'no patch was evaluated'
def tune = new File(basedir, 'target/rpt/tune')
def record = tune.listFiles().find { it.name.endsWith('-support-reply') }
assert record != null : "no tune record under ${tune}: ${tune.list()}"
def seedRun = new groovy.json.JsonSlurper().parse(new File(record, 'iteration-01/report/last-run.json'))
assert seedRun.judge.usage.calls == 2 * seedRun.cases.size() : 'every case of the candidate was judged on both criteria'
def failed = seedRun.cases.findAll { it.outcome == 'failed' }
assert !failed.isEmpty() : 'the seed fails some judged cases'
failed.each {
    assert it.failure.kind == 'criterion' : it.failure
    assert it.failure.message =~ /criterion '(apologises|mentions-amount)' is not met: the judge gave it 0\.\d+, below 0\.50, because The answer lacks/ : it.failure.message
}
def diagnostic = new groovy.json.JsonSlurper().parse(new File(record, 'iteration-01/diagnostic.json'))
assert !diagnostic.failureModes.isEmpty() : 'the critic found no failure mode in the judged failures'
def summary = new groovy.json.JsonSlurper().parse(new File(record, 'summary.json'))
def calls = summary.usage.calls
assert calls >= 3 * seedRun.cases.size() * summary.iterations.size() : "the judge's calls are not in the tune's spend: ${calls}"
assert log.contains('BUILD SUCCESS')
return true
