// -Drpt.tune.model=local: the prompt is tuned for that configuration alone; a dry run writes nothing.
def log = new File(basedir, 'build.log').text
assert log.contains("Tuning for model configuration 'local' (rpt.tune.model).") : 'the chosen configuration was not announced'
assert log.contains('SIMULATOR: the optimizer is the offline simulator (sim/sim-local (SIMULATOR))') : 'the optimizer does not default to the chosen configuration'
assert log.contains('SIMULATOR: the target model is the offline simulator (sim/sim-local (SIMULATOR))') : 'the target is not the chosen configuration'
assert log.contains('Best candidate (iteration') : 'no diff was printed'
def slurper = new groovy.json.JsonSlurper()
def runs = []
new File(basedir, 'target/rpt/tune').eachFileRecurse { if (it.name == 'run.json' || it.name == 'last-run.json') runs << it }
assert !runs.isEmpty() : 'no run report in the tune record'
runs.each { file ->
    def run = slurper.parse(file)
    assert run.models*.name == ['local'] : "${file} ran ${run.models*.name}"
    assert run.cases.every { it.model == 'local' } : "${file} has cases of another model"
}
def prompt = new File(basedir, 'src/main/resources/prompts/math.prompt').text
assert prompt == '---\ninput:\n  schema:\n    question: string\n---\n{{role "user"}}\n{{question}}\n' : "the prompt changed: ${prompt}"
return true
