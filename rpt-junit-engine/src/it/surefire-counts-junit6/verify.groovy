// Surefire must count every case as one testcase, the thresholds as one more, and the report must exist.
def reports = new File(basedir, 'target/surefire-reports')
def xml = new File(reports, 'TEST-example.ArithmeticPromptTests.xml')
assert xml.isFile() : "no Surefire XML for the prompt test class in ${reports}"
def suite = new groovy.xml.XmlSlurper().parse(xml)
def names = suite.testcase.collect { it.@name.text() }
assert names.size() == 7 : "expected 5 file cases + 1 inline case + 1 thresholds test, got ${names}"
assert names.containsAll(['solves[a1]', 'solves[a2]', 'solves[a3]', 'solves[a4]', 'solves[a5]', 'unknown[unknown]', 'thresholds']) : names
assert suite.testcase.findAll { it.failure.size() > 0 }.size() >= 1 : 'the inline case about the swallow must fail'
def report = new File(basedir, 'target/rpt/last-run.json')
assert report.isFile() : 'the run report was not written'
assert report.text.contains('"simulated" : true')
// The engine ran on the JUnit Platform this build asked for.
def log = new File(basedir, 'build.log').text
assert log.contains('org.junit.platform:junit-platform-engine:jar:6.1.3') : 'expected JUnit Platform 6.1.3 on the test classpath'
return true
