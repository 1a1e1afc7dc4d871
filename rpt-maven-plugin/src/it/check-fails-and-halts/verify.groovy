def log = new File(basedir, 'build.log').text
// The test phase passed: 12 wrong answers tolerated, nothing failed.
assert log.contains('Tests run: 25, Failures: 0, Errors: 0, Skipped: 12') : 'Surefire counts'
assert !log.contains('maven-surefire-plugin:3.5.4:test (default-test) on project') : 'Surefire must not be what fails'
// rpt:check failed it, on the regression, with the p-value and the fix.
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must be the goal that fails'
assert log.contains('rpt:check found') : 'the check did not report problems'
assert log.contains('MathPromptTests: accuracy REGRESSED') : 'the failure does not name the class and metric'
assert log =~ /p ?[=<]/ : 'the failure does not give the p-value'
assert log.contains('Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`') : 'the failure does not name the fix'
assert log.contains('BUILD FAILURE')
return true
