def log = new File(basedir, 'build.log').text
// Every case on both models, plus one thresholds test per model; the informational model's misses are skipped.
assert log.contains('Tests run: 50, Failures: 0, Errors: 0, Skipped: 24') : 'Surefire counts'
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.MathPromptTests.xml'))
def names = xml.testcase.collect { it.@name.text() }
assert names.containsAll(['solves[local][gsm-05]', 'solves[candidate][gsm-05]', 'thresholds[local]', 'thresholds[candidate]']) : "test names: ${names}"
def candidateThresholds = xml.testcase.find { it.@name.text() == 'thresholds[candidate]' }.skipped
assert candidateThresholds.size() == 1 && candidateThresholds.text().contains("Informational model 'candidate'") : "the informational thresholds test: ${candidateThresholds.text()}"
def localMiss = xml.testcase.find { it.@name.text() == 'solves[local][gsm-05]' }.skipped
assert localMiss.text().contains('Wrong answer, tolerated') : 'a wrong answer of the gating model is tolerated by its thresholds'
// The console: one row per class and model, one usage line per model.
assert log =~ /\[rpt\] MathPromptTests\[candidate\] +24 +0  0\.208 .* INFO: accuracy . 0\.500 FAILED/ : 'the informational row'
assert log =~ /\[rpt\] MathPromptTests\[local\] +24 +0  0\.833 .* PASS: accuracy . 0\.500 ok/ : 'the gating row'
assert log.contains('[rpt] model local (sim/sim-local (SIMULATOR)): 24 calls') : 'the per-model usage line'
// rpt:check compared each model with its own baseline entry and did not fail on the informational one.
assert log.contains('MathPromptTests[local]: accuracy ok') : 'the local model was compared with its baseline entry'
assert log.contains('informational model, not failing the gate: MathPromptTests[candidate] @Thresholds: accuracy 0.208') : 'the informational finding is a line'
assert log.contains('rpt:check passed: 2 prompt test classes, 48 case records.')
assert log.contains('BUILD SUCCESS')
// The report and the rewritten baseline name the models.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.models*.name == ['candidate', 'local'] && report.models*.informational == [true, false]
assert report.cases.every { it.model in ['candidate', 'local'] } && report.cases.size() == 48
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'src/test/rpt/baseline.json'))
assert baseline.classes*.model == ['candidate', 'local']
def html = new File(basedir, 'target/rpt/report.html').text
assert html.contains('<section id="models">') && html.contains('<code>local</code>') : 'the HTML report has the models table'
return true
