// First build: the test phase failed the class's thresholds test on minKappa.
def surefire = new File(basedir, 'target/surefire-reports/TEST-example.SupportReplyTests.xml').text
assert surefire.contains("judge agreement on &apos;apologises&apos;: kappa 0.333 &lt; 0.6") : 'the thresholds test did not fail on minKappa'
// The report states the bound, so rpt:check alone can apply it.
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.classes[0].thresholds.minKappa == 0.6 : "the report does not state minKappa: ${report.classes[0].thresholds}"
// Second build (invoker appends both builds to build.log): rpt:check alone, on that report, fails for the same reason.
def log = new File(basedir, 'build.log').text
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must be the goal that fails'
assert log.contains("SupportReplyTests @Thresholds: judge agreement on 'apologises': kappa 0.333 < 0.6 (n 24") : 'rpt:check does not name the class, criterion and kappa'
return true
