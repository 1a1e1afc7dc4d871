def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 25, Failures: 1, Errors: 0, Skipped: 3') : 'Surefire counts: 1 must-pass failure, 3 tolerated'
assert log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin:[^:]+:test/ : 'Surefire must be what fails'
assert log.contains("MathPromptTests.solves[gsm-05] Must-pass case 'gsm-05' answered wrong: Expected the number 64") : 'the failure in Surefire\'s summary'
assert log.contains('[rpt]   WRONG (must pass) MathPromptTests solves[gsm-05]') : 'the console line'
assert log =~ /\[rpt\] MathPromptTests +24 +0 .* FAIL: accuracy . 0\.500 ok, ECE . 0\.300 ok; 1 must-pass wrong/ : 'the summary row'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.schemaVersion == 3
assert report.classes[0].verdict.passed == false : "the recorded verdict"
assert report.classes[0].verdict.cases[0].startsWith("1 must-pass case answered wrong: solves[gsm-05]") : "the recorded verdict names the case"
assert report.cases.find { it.id == 'gsm-05' }.mustPass == true
assert report.cases.findAll { it.mustPass }.size() == 1
assert log.contains('BUILD FAILURE')
return true
