// The second build: the test phase passed (the lenient judge passes more answers), rpt:check failed it on the judge.
def log = new File(basedir, 'build.log').text
assert !log.contains('maven-surefire-plugin:3.5.4:test (default-test) on project') : 'Surefire must not be what fails'
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must be the goal that fails'
assert log.contains("SupportReplyTests: judge agreement on 'apologises' REGRESSED: baseline 1.000, current 0.667") : 'the failure does not name the class, criterion and values'
assert log.contains('McNemar exact binomial (8 worse, 0 better)') : 'the failure does not give the paired test'
assert log.contains('check what changed in rpt.judge.model and rpt.judge.prompt') : 'the failure does not name the fix'
assert log.contains("judge on 'apologises': Cohen's kappa 1.000 in the baseline, 0.333 now, on the 24 labelled answers it graded both times (change -0.667, 97.5% paired-bootstrap interval -0.957 to -0.310).") : 'no kappa line'
// The target's own accuracy did not regress: only the judge did.
assert !log.contains('accuracy REGRESSED') : 'the target must not be blamed for the judge'
def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'src/test/rpt/baseline.json'))
def judged = baseline.classes[0].cases.findAll { it.judged != null }
assert judged.size() == 24 : "the baseline keeps the judge's verdicts on every case: ${judged.size()}"
assert judged.every { it.judged.answerSha256 ==~ /[0-9a-f]{64}/ && it.judged.verdicts[0].criterion == 'apologises' }
assert log.contains('BUILD FAILURE')
return true
