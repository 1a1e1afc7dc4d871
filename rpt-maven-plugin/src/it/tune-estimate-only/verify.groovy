// -Drpt.tune.estimate-only=true: the estimate is printed and nothing is called or written.
def log = new File(basedir, 'build.log').text
assert log.contains('Estimate for prompts/math.prompt, at most: 261 calls (target 120 = 24 case runs x 5 iterations; critic 125; optimizer 16), ') : 'the estimate is missing or wrong'
assert log.contains("Target tokens: 600 tokens per call, rpt's default (no earlier run of these cases).") : 'the token source is not said'
assert log.contains('The budget rpt.tune.max-calls=300 stops the tune before this bound if it is reached.') : 'the budget is not named'
assert log.contains("[WARNING] Adoption for prompts/math.prompt: 8 held-out cases, 4 of them confirm: too few to adopt any candidate, since even all 4 gained give McNemar's exact p = 0.0625 > 0.05") : 'the estimate must warn that the held-out cases cannot confirm anything'
assert log.contains('Estimate only (rpt.tune.estimate-only): no model was called.')
assert !log.contains('Running the prompt tests') : 'the prompt tests ran'
assert !log.contains('[rpt] SIMULATOR: answers come from') : 'the target model was called'
assert !new File(basedir, 'target/rpt/tune').exists() : 'a tune record was written'
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt == '---\ninput:\n  schema:\n    question: string\n---\n{{role "user"}}\n{{question}}\n' : "the prompt changed: ${prompt}"
assert log.contains('BUILD SUCCESS')
return true
