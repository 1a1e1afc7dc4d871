// Surefire must count every case as one testcase, the thresholds as one more, and the report must exist.
def reports = new File(basedir, 'target/surefire-reports')
def xml = new File(reports, 'TEST-example.ArithmeticPromptTests.xml')
assert xml.isFile() : "no Surefire XML for the prompt test class in ${reports}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
def names = suite.testcase.collect { it.@name.text() }
assert names.size() == 7 : "expected 5 file cases + 1 inline case + 1 thresholds test, got ${names}"
assert names.containsAll(['solves[a1]', 'solves[a2]', 'solves[a3]', 'solves[a4]', 'solves[a5]', 'unknown[unknown]', 'thresholds']) : names
// The class is judged by its thresholds (accuracy >= 0.6; the simulator gets 4 of 6 right): the wrong answers (the swallow, a2) are
// reported as aborted, which Surefire counts as skipped, with the model's answer in the XML; the build passes.
def unknown = suite.testcase.find { it.@name.text() == 'unknown[unknown]' }
assert unknown.skipped.size() == 1 : "the wrong answer is not reported as skipped: ${unknown}"
assert unknown.skipped.text().contains('Wrong answer, tolerated (ArithmeticPromptTests is judged by its @Thresholds)') : unknown.skipped.text()
assert unknown.skipped.text().contains('but the model answered') : unknown.skipped.text()
assert !unknown.skipped.text().contains('\tat ') : 'a wrong answer has no stack trace'
assert suite.testcase.findAll { it.failure.size() > 0 || it.error.size() > 0 }.isEmpty() : 'no test may fail'
assert suite.@tests.text() == '7' && suite.@skipped.text() == '2' && suite.@failures.text() == '0' && suite.@errors.text() == '0'
def report = new File(basedir, 'target/rpt/last-run.json')
assert report.isFile() : 'the run report was not written'
assert report.text.contains('"simulated" : true')
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 7, Failures: 0, Errors: 0, Skipped: 2') : 'Surefire counts'
assert log.contains('[rpt]   WRONG (tolerated) ArithmeticPromptTests unknown[unknown]: Expected the number 24') : 'the console line'
assert log =~ /\[rpt\] ArithmeticPromptTests +6 +0  0\.667 \[[0-9.]+, [0-9.]+\] .* PASS: accuracy . 0\.600 ok/ : 'the summary row'
// junit-platform.properties misspells rpt.concurrency on purpose: the run says so, and passes.
assert log.contains('[WARNING] rpt.concurency is not a key rpt reads, so it has no effect. Did you mean rpt.concurrency?') : 'no warning for the misspelt key'
assert log.contains('BUILD SUCCESS')
// The engine ran on the JUnit Platform this build asked for.
assert log.contains('org.junit.platform:junit-platform-engine:jar:6.1.3') : 'expected JUnit Platform 6.1.3 on the test classpath'
return true
