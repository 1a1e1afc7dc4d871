// -Drpt.tune.dry-run=true: the diff is printed, the prompt file is untouched.
def log = new File(basedir, 'build.log').text
assert log.contains('Best candidate (iteration') : 'no diff was printed'
assert log.contains('+++ b/math.prompt') : 'the printed diff has no header'
assert log.contains('Dry run:') : 'the dry run was not announced'
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt == '---\ninput:\n  schema:\n    question: string\n---\n{{role "user"}}\n{{question}}\n' : "the prompt changed: ${prompt}"
return true
