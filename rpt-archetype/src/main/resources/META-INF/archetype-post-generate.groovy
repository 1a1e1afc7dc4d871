// Archives keep no file modes: make the generated project's Maven wrapper executable again (./mvnw, as the README says).
def project = new File(request.outputDirectory, request.artifactId)
def mvnw = new File(project, 'mvnw')
if (mvnw.isFile()) {
    mvnw.setExecutable(true, false)
}
