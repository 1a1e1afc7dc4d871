// rpt:diagnose must run the prompt tests in its isolated class loader, diagnose them and print the failure modes.
def log = new File(basedir, 'build.log').text
assert log.contains('Running the prompt tests as they are') : 'the goal did not start the first run'
assert log =~ /\[rpt\] MathPromptTests +24 +0 / : 'the engine did not run the prompt test class'
assert log.contains('Failure modes of prompts/math.prompt (optimization split):') : 'no failure modes were printed'
assert log =~ /(?m)^\[INFO\]   1\. .+: \d+ cases \(\d+% of failures\)/ : 'the first failure mode lacks its count and prevalence'
assert log.contains('SIMULATOR: the target model is the offline simulator') : 'the simulator warning is missing'

def tune = new File(basedir, 'target/rpt/tune')
def firstRuns = tune.listFiles().findAll { it.name.endsWith('-first-run') }
assert firstRuns.size() == 1 : "expected one first run under ${tune}, got ${tune.list()}"
def lastRun = new File(firstRuns[0], 'last-run.json')
assert lastRun.isFile() : 'the first run wrote no report'
assert lastRun.text.contains('"simulated" : true')
def diagnosed = tune.listFiles().find { it.name.endsWith('math-diagnose') }
assert diagnosed != null : "no diagnosis record under ${tune}: ${tune.list()}"
def report = new groovy.json.JsonSlurper().parse(new File(diagnosed, 'diagnostic.json'))
assert report.schemaVersion == 1
assert report.failureModes.size() >= 1 : 'the weak prompt must have at least one failure mode'
assert report.goals.minAccuracy == 0.8
// rpt:diagnose changes no file.
assert new File(basedir, 'src/main/resources/prompts/math.prompt').text.contains('{{question}}')
return true
