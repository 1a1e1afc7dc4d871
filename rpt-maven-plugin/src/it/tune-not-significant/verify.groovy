// The candidate won the selection, but its gain on the confirmation cases is not significant: the seed stays.
def log = new File(basedir, 'build.log').text
assert log.contains('Best candidate (iteration') : 'no candidate beat the seed, so nothing was decided'
assert log =~ /Confirmation on 4 held-out cases that chose nothing: seed 0\.000 \[0\.000, 0\.490\], candidate [01]\.\d{3} / : 'the confirmation numbers are missing'
assert log.contains('McNemar exact binomial') : 'the paired test is not named'
assert log =~ /Not adopted: its gain on the confirmation cases is not significant \(p = 0\.\d{4}, alpha 0\.050\)\. The seed is kept\. To write the candidate anyway: -Drpt\.tune\.adopt=always\./ : 'the verdict is missing'
assert !log.contains('Wrote the best candidate') : 'the candidate was written'
assert log =~ /confirmation, final +4 / : 'the summary table has no confirmation row'
assert log.contains('BUILD SUCCESS') : 'a kept seed is not a failure'
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt == '---\ninput:\n  schema:\n    question: string\n---\n{{role "user"}}\n{{question}}\n' : "the prompt changed: ${prompt}"
def record = new File(basedir, 'target/rpt/tune').listFiles().find { it.name.endsWith('-math') }
def summary = new groovy.json.JsonSlurper().parse(new File(record, 'summary.json'))
assert summary.written == false
assert summary.adoption.adopted == false && summary.adoption.cases == 4 && summary.adoption.pValue >= 0.05
assert summary.adoption.gainInterval.size() == 2
return true
