// The committed baseline of one run became a pooled baseline of two: version 2, the earlier run named, every case
// with the samples of both runs; the next build compares per-case pass rates with it and passes.
def log = new File(basedir, 'build.log').text
assert log.contains('Pooled run ') && log.contains('with the committed baseline: it now holds 2 runs.')
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'src/test/rpt/baseline.json'))
assert baseline.schemaVersion == 2
assert baseline.pooledRuns == ['20261124-014200-83aa']
def cases = baseline.classes[0].cases
assert cases.size() == 24 && cases.every { it.samples == 2 && it.sampleOutcomes.size() == 2 }
assert log.count('rpt:check passed') == 2 : 'both builds pass'
assert log =~ /MathPromptTests: accuracy ok: baseline 0\.833, current 0\.833 .*paired sign-flip test on pass rates/ : 'compared on pass rates'
return true
