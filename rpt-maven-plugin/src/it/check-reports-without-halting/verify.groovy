def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 25, Failures: 0, Errors: 0, Skipped: 12') : 'Surefire counts: the test phase passes'
assert log.contains('rpt:check reports without failing') : 'the check did not say it reports without failing'
assert log =~ /\[WARNING\] .*MathPromptTests/ : 'the regression was not reported as a warning'
assert log.contains('BUILD SUCCESS')
return true
