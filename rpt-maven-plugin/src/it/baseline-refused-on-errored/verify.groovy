// rpt:baseline must refuse a run with errored cases, name how many, and name the flag that forces it.
def log = new File(basedir, 'build.log').text
assert log.contains('errored') : 'the refusal does not mention the errored cases'
assert log.contains('rpt.baseline.force') : 'the refusal does not say how to force it'
assert !new File(basedir, 'src/test/rpt/baseline.json').exists() : 'a baseline was written anyway'
return true
