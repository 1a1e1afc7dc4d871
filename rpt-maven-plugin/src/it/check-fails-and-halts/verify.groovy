def log = new File(basedir, 'build.log').text
assert log.contains('rpt:check found') : 'the check did not report problems'
assert log.contains('MathPromptTests') && log.contains('accuracy') : 'the failure does not name the class and metric'
assert log =~ /p ?[=<]/ : 'the failure does not give the p-value'
assert log.contains('Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`') : 'the failure does not name the fix'
assert log.contains('BUILD FAILURE')
return true
