import java.nio.file.Files

def project = new File(basedir, 'prompts')
def log = new File(basedir, 'build.log').text
// Build 1: the starter, with the wrapper, the prompt, its cases and licence, and its test class in the package.
['pom.xml', 'mvnw', 'mvnw.cmd', '.mvn/wrapper/maven-wrapper.properties', '.gitignore', 'README.md',
 'src/main/resources/prompts/math-solver.prompt', 'src/test/resources/junit-platform.properties',
 'src/test/resources/cases/gsm8k-tune.jsonl', 'src/test/resources/cases/LICENSE-gsm8k',
 'src/test/java/com/example/prompts/MathSolverPromptTests.java'].each {
    assert new File(project, it).isFile() : "the starter lacks ${it}"
}
assert Files.isExecutable(new File(project, 'mvnw').toPath()) : 'mvnw is not executable'
def pom = new File(project, 'pom.xml').text
assert pom.contains('<artifactId>rpt-bom</artifactId>') && pom.contains('<maven.compiler.release>17') : 'the pom'
assert pom =~ /<rpt.version>\d[^<$]*<\/rpt.version>/ : 'the rpt version is the archetype\'s'
assert new File(project, 'src/test/resources/cases/gsm8k-tune.jsonl').text.contains('#### 72') : 'the cases are copied unfiltered'
assert new File(project, 'src/test/resources/junit-platform.properties').text.contains('# rpt.provider=openai') : 'the real-provider block'
// Build 2: verify runs the prompt tests and the gate, on the simulator, and passes.
assert log =~ /Tests run: 61, Failures: 0, Errors: 0/ : 'the prompt tests ran and passed'
assert log.contains('SIMULATOR') : 'the simulator announced itself'
assert log.contains('rpt:check passed: 1 prompt test classes') : 'the gate passed'
// Build 3: rpt:tune runs on it.
assert log.contains('Tuning prompts/math-solver.prompt') : 'rpt:tune ran'
assert log.contains('Stopped: ') : 'the tune ended'
assert log.count('BUILD SUCCESS') == 3 : 'every build succeeded'
return true
