def log = new File(basedir, 'build.log').text
assert log.contains('rpt:check passed') : 'the check did not pass'
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/rpt/report.html').isFile() : 'rpt:check wrote no HTML report'
return true
