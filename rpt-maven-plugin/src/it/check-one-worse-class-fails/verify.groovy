// A true worsening of one class is caught within the build's one error budget, and only that class is named.
def log = new File(basedir, 'build.log').text
assert !log.contains('maven-surefire-plugin:3.5.4:test (default-test) on project') : 'Surefire must not be what fails'
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must be the goal that fails'
assert log =~ /RefundsMathPromptTests: accuracy REGRESSED: baseline 0\.833, current 0\.\d{3}/ : 'the worse class'
assert log =~ /Holm-adjusted p [=<] 0\.\d{4} over the build's 9 tests \(family-wise alpha 0\.050\)/ : 'the level it was held to'
def failures = log.readLines().findAll { it =~ /^\[ERROR\]\s+- .*REGRESSED/ }
assert !failures.isEmpty() && failures.every { it.contains('RefundsMathPromptTests') } : "only the worse class fails: ${failures}"
assert log.contains('BUILD FAILURE')
// The HTML report rpt:check wrote opens with that verdict, not with "thresholds hold": the finding and the row of the
// comparison it rests on. The pull-request summary says the same.
def html = new File(basedir, 'target/rpt/report.html').text
assert html.indexOf('<section id="verdict">') >= 0 && html.indexOf('<section id="verdict">') < html.indexOf('<section id="classes">') : 'the report does not open with the verdict'
assert html =~ /RefundsMathPromptTests: accuracy REGRESSED: baseline 0\.833/ : 'the report does not name the regression'
assert html.contains('<strong class="fail">regressed</strong>') : 'the comparison table marks no regression'
def summary = new File(basedir, 'target/rpt/summary.md').text
assert summary.startsWith('## rpt:check failed') && summary.contains('RefundsMathPromptTests: accuracy REGRESSED') : 'summary.md'
return true
