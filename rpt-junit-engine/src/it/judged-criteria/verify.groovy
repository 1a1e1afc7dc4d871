// Every criterion of every case is judged, the verdicts are asserted and reported, and the judge is metered apart.
def xml = new File(basedir, 'target/surefire-reports/TEST-example.SupportReplyTests.xml')
assert xml.isFile() : 'no Surefire XML for the judged class'
def suite = new groovy.xml.XmlSlurper().parse(xml)
assert suite.testcase.size() == 7 : "6 cases and the thresholds test, got ${suite.testcase.collect { it.@name.text() }}"
def tolerated = suite.testcase.findAll { it.skipped.size() > 0 }
assert !tolerated.isEmpty() : 'the simulator gets some replies wrong, which the class tolerates'
tolerated.each {
    assert it.skipped.text() =~ /criterion '(apologises|mentions-amount)' is not met: the judge gave it 0\.\d+, below 0\.50, because/ : it.skipped.text()
}
def log = new File(basedir, 'build.log').text
assert log.contains('[rpt] SIMULATOR: the judge is the offline simulator') : 'the judge is not announced as the simulator'
assert log =~ /\[rpt\] judge sim\/sim \(SIMULATOR\), 12 calls \(0 cached, 0 failed\)/ : 'no judge usage line'
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rpt/last-run.json'))
assert report.judge.name == 'judge' && report.judge.usage.calls == 12
assert report.cases.every { it.judgements*.criterion == ['apologises', 'mentions-amount'] }
assert report.cases.find { it.id == 'late-parcel' }.judgements[1].text == 'Mentions the refund amount "$25"'
return true
