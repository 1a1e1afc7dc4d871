// Six cases, all passing: three on the first turn's calls (one starting mid-conversation), three run on through
// their stubbed results; the prompt asks to look an order up before a refund, so refund-b7 looks B7 up first.
def surefire = new File(basedir, 'target/surefire-reports/TEST-example.OrderSupportPromptTests.xml').text
assert surefire =~ /tests="[0-9]+"/ : 'no Surefire report'
assert surefire.contains('errors="0"') && surefire.contains('failures="0"') : 'a case failed'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.cases.size() == 6 : "expected 6 case records, got ${report.cases.size()}"
assert report.cases.every { it.formatError == false && it.outcome == 'passed' } : 'a reply that calls tools counted as a format error, or a case did not pass'
def refund = report.cases.find { it.id == 'refund-b7' }
assert refund.tools.steps.collect { it.calls ? it.calls[0].name : 'reply' } == ['lookup_order', 'refund', 'reply'] : "refund-b7's trajectory: ${refund.tools.steps}"
def log = new File(basedir, 'build.log').text
assert log.contains('SIMULATOR') : 'the simulator did not announce itself'
return true
