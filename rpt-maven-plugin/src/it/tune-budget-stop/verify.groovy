// At the budget the tune stops cleanly, keeps the best so far (the seed) and leaves the file as it was.
def log = new File(basedir, 'build.log').text
assert log.contains('Stopped: reached the call budget rpt.tune.max-calls=30') : 'the budget did not stop the tune'
assert log.contains('BUILD SUCCESS')
assert log.contains('is unchanged') : 'the seed was not kept'
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt == '---\ninput:\n  schema:\n    question: string\n---\n{{role "user"}}\n{{question}}\n' : "the prompt changed: ${prompt}"
return true
