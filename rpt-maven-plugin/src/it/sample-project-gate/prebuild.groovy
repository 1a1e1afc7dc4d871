// Runs the repository's own sample project, exactly as the README tells a user, instead of a copy kept here: the files
// of ../sample-project (without its target/) replace this placeholder. A third build compares the tuned prompts with a
// clearly better baseline: the committed one with every case marked passed.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path sample = basedir.toPath().resolve('../../../../sample-project').normalize()
assert Files.isRegularFile(sample.resolve('pom.xml')) : "the sample project is not at ${sample}"
Files.walk(sample).withCloseable { paths ->
    paths.filter { !sample.relativize(it).startsWith('target') }.each { source ->
        Path target = basedir.toPath().resolve(sample.relativize(source).toString())
        if (Files.isDirectory(source)) {
            Files.createDirectories(target)
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
def json = new groovy.json.JsonSlurper().parse(basedir.toPath().resolve('src/test/rpt/baseline.json').toFile())
json.classes.each { c -> c.cases.each { it.outcome = 'passed'; it.passes = it.samples } }
basedir.toPath().resolve('target').toFile().mkdirs()
basedir.toPath().resolve('target/better-baseline.json').toFile().text = groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(json))
return true
