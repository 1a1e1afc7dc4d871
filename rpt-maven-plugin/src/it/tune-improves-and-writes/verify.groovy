// rpt:tune must improve the weak seed on the held-out cases, write the prompt file atomically, and keep a record.
def log = new File(basedir, 'build.log').text
assert log =~ /iteration 1\/\d+: held-out accuracy/ : 'no progress line for the seed'
assert log =~ /iteration 2\/\d+: held-out accuracy .*; targeted .+/ : 'no progress line naming the targeted mode'
assert log =~ /Confirmation on 8 held-out cases that chose nothing: seed 0\.000 .*McNemar exact binomial \(\d+ gained, 0 lost\)/ : 'no confirmation line'
assert log.contains('Adopted: its gain on the confirmation cases is beyond 0.020 and significant.') : 'the candidate was not adopted'
assert log.contains('Wrote the best candidate to') : 'the prompt was not written'
assert log =~ /Estimate for prompts\/math\.prompt, at most: [\d,]+ calls/ : 'no estimate before the run'
def spent = (log =~ /Spent ([\d,]+) calls \(\d+ cached\), ([\d,]+) tokens, cost \S+; estimated at most ([\d,]+) calls, ([\d,]+) tokens/)
assert spent.find() : 'no spent-against-estimate line'
def number = { String s -> Long.parseLong(s.replace(',', '')) }
assert number(spent.group(1)) <= number(spent.group(3)) : "spent more calls than the bound: ${spent.group(0)}"
assert number(spent.group(2)) <= number(spent.group(4)) : "spent more tokens than the bound: ${spent.group(0)}"
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt.startsWith('---\ninput:') : 'the front matter was not kept'
assert prompt.contains('{{question}}') : 'the placeholder was lost'
assert prompt.contains('only the final answer') : "the patch for prose answers is missing: ${prompt}"
def tune = new File(basedir, 'target/rpt/tune')
def record = tune.listFiles().find { it.name.endsWith('-math') }
assert record != null : "no tune record under ${tune}: ${tune.list()}"
def summary = new groovy.json.JsonSlurper().parse(new File(record, 'summary.json'))
assert summary.written == true
assert summary.adoption.adopted == true && summary.adoption.cases == 8 && summary.adoption.pValue < 0.05
def seed = summary.iterations.find { it.iteration == summary.seedIteration }
def best = summary.iterations.find { it.iteration == summary.bestIteration }
assert best.holdout.accuracy > seed.holdout.accuracy : "held-out accuracy did not improve: ${seed.holdout} -> ${best.holdout}"
assert new File(record, 'transcript.jsonl').text.contains('evaluate_prompt')
assert new File(basedir, 'target/rpt/report.html').isFile() : 'no HTML report'
return true
