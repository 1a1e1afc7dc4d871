// A server that is not there is one failure per class, saying why and what to do; the cases never sent are aborted
// (skipped) with the reason, and no thresholds verdict is given on what little was answered.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// Refunds ran first: its first three cases reached the connection and errored with it; then rpt stopped.
assert log.contains('Tests run: 11, Failures: 0, Errors: 4, Skipped: 7, ') : 'RefundsPromptTests: 3 sent and errored, one failure for the 7 not sent'
assert log.contains('Tests run: 11, Failures: 0, Errors: 1, Skipped: 10, ') : 'OrdersPromptTests: one failure, every other case aborted'
assert log.count('[rpt] STOPPED calling the model under test openai/gpt-4.1-mini after 3 connection failures in a row') == 1
assert log.contains('check that the server is running and that rpt.base-url points to it')
def suite = { name -> new groovy.xml.XmlSlurper().parse(new File(basedir, "target/surefire-reports/TEST-example.${name}.xml")) }
def orders = suite('OrdersPromptTests')
def failed = orders.testcase.findAll { it.error.size() > 0 }
assert failed.size() == 1
assert failed[0].error.@message.text().startsWith('OrdersPromptTests: rpt stopped calling the model under test openai/gpt-4.1-mini')
def skipped = orders.testcase.findAll { it.skipped.size() > 0 }
assert skipped.size() == 10 : 'nine cases and the thresholds test'
assert skipped.findAll { it.@name.text().startsWith('solves') }.every { it.skipped.text().contains('Not sent: rpt stopped calling the model under test') }
assert !(log =~ /\n\s+at dev\.rpt\./) : 'a stack trace of rpt was printed'
return true
