// Each class with bad case rows fails on its own, with one message that names every bad row at file:line and the
// fix; the healthy class of the same run still runs and passes; nothing is a discovery error that stops the run.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Tests run: 8, Failures: 0, Errors: 3, Skipped: 0') : 'three failed classes and the healthy class\'s 5 tests'
assert !log.contains('Tests run: 0') : 'a discovery error stopped every class'

def reports = new File(basedir, 'target/surefire-reports')
def suite = { name -> new groovy.xml.XmlSlurper().parse(new File(reports, "TEST-example.${name}.xml")) }

def healthy = suite('HealthyPromptTests')
assert healthy.testcase.size() == 5 : 'four cases and the thresholds test'
assert healthy.@failures.text() == '0' && healthy.@errors.text() == '0'

def message = { name ->
    def s = suite(name)
    assert s.testcase.size() == 1 : "${name} fails as one class, not case by case"
    s.testcase[0].error.@message.text()
}

def tickets = message('TicketsPromptTests')
assert tickets.startsWith('TicketsPromptTests did not run: 1 problem in its cases')
assert tickets.contains('cases/tickets.csv:4: not valid CSV: Missing closing quote')
assert tickets.contains('its rows from line 4 on were not read')
assert tickets.contains('even with rpt.cases.bad-rows=skip')

def orders = message('OrdersPromptTests')
assert orders.startsWith('OrdersPromptTests did not run: 2 problems in its cases')
assert orders.contains('cases/orders.csv:3: row has 5 values but the header has 4 columns; quote values that contain commas')
assert orders.contains('cases/orders.csv:5: row has 2 values but the header has 4 columns; add the missing values')
assert orders.contains('set rpt.cases.bad-rows=skip')

def replies = message('RepliesPromptTests')
assert replies.startsWith('RepliesPromptTests did not run: 2 problems in its cases')
assert replies =~ /cases\/replies\.jsonl:2: lacks the variable 'question' that \S*src\/main\/resources\/prompts\/solver\.prompt uses/ : 'the prompt file the user edits'
assert replies.indexOf('cases/replies.jsonl:2: lacks') < replies.indexOf('cases/replies.jsonl:3: not valid JSON') : 'rows are listed in file order'
assert replies.contains("declare it optional in the prompt's input.schema (question?)")

// Each problem is said where Surefire reports the class, without rpt's stack frames.
assert !(log =~ /\n\s+at dev\.rpt\./) : 'a stack trace of rpt was printed'

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.classes*.className == ['example.HealthyPromptTests']
return true
