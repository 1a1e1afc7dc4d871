// The repository's own sample project: its src/ (prompts, cases, tests, committed baseline) joins this build, whose
// pom runs every rpt step through the command line. A clearly better baseline (every case passed) is written for
// build 4.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path sample = basedir.toPath().resolve('../../../../sample-project').normalize()
assert Files.isDirectory(sample.resolve('src')) : "the sample project is not at ${sample}"
Files.walk(sample.resolve('src')).withCloseable { paths ->
    paths.each { source ->
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
