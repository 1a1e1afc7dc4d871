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
// Where reviewers look: target/rpt/summary.md, the same appended to GitHub's step summary, and an error annotation
// on the failing class's prompt file, its path relative to the workspace.
def summary = new File(basedir, 'target/rpt/summary.md').text
assert summary.startsWith('## rpt:check failed') : "summary.md does not open with the verdict: ${summary.take(200)}"
assert summary.contains("judge agreement on 'apologises': kappa 0.333 < 0.6") : 'summary.md does not list the finding'
def stepSummary = new File(basedir, 'target/github-step-summary.md')
assert stepSummary.isFile() && stepSummary.text.contains('## rpt:check failed') : 'the step summary was not appended'
assert log =~ /(?m)^::error file=src\/main\/resources\/prompts\/[^,]+\.prompt,line=1,title=rpt%3A SupportReplyTests::SupportReplyTests fails: / : 'no GitHub annotation on the prompt file'
return true
