def log = new File(basedir, 'build.log').text
// Four wrong answers, tolerated: the class is judged by its thresholds, which hold.
assert log.contains('Tests run: 25, Failures: 0, Errors: 0, Skipped: 4') : 'Surefire counts'
assert log.contains('[rpt]   WRONG (tolerated) MathPromptTests solves[gsm-05]: Expected the number 64') : 'the console line of a wrong answer'
// ECE is the debiased one (binned 0.045 on 24 cases is all noise); skill is the Brier skill score (the simulator's
// confidence says almost nothing about which answers are right).
assert log =~ /\[rpt\] MathPromptTests +24 +0  0\.833 \[0\.641, 0\.933\] +0\.000 +0\.138 +\+0\.009 +0\.000 +0\.339  PASS: accuracy . 0\.500 ok, ECE . 0\.300 ok/ : 'the summary row'
// drop@80%: 24 cases cannot show less than a 0.339 drop (one class, three tests at 0.05, tolerance 0.02).
assert log.contains('[rpt] drop@80%: the smallest accuracy drop rpt:check') : 'the legend of the detectable drop'
assert log.contains('[rpt] ECE: debiased (the binned ECE overstates it at small n; the run report has both). skill: Brier skill score') : 'the legend under the table'
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-example.MathPromptTests.xml'))
def skipped = xml.testcase.find { it.@name.text() == 'solves[gsm-05]' }.skipped
assert skipped.size() == 1 && skipped.text().contains('but the model answered') : "the XML keeps the answer: ${skipped.text()}"
assert log.contains('rpt:check passed') : 'the check did not pass'
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/rpt/report.html').isFile() : 'rpt:check wrote no HTML report'
return true
