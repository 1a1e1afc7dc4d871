// rpt:baseline writes src/test/rpt/baseline.json from the last run.
def file = new File(basedir, 'src/test/rpt/baseline.json')
assert file.isFile() : 'no baseline was written'
def baseline = new groovy.json.JsonSlurper().parse(file)
assert baseline.schemaVersion == 1
assert baseline.classes.size() == 1
assert baseline.classes[0].className == 'example.MathPromptTests'
assert baseline.classes[0].prompt.sha256 ==~ /[0-9a-f]{64}/
assert baseline.classes[0].cases.size() == 24
assert new File(basedir, 'build.log').text.contains('Wrote the baseline of run')
return true
