// Nothing changed, and the gate does not cry wolf on the class whose baseline was a lucky draw.
def log = new File(basedir, 'build.log').text
assert log.contains('Regression test: 9 tests against the baseline share one error budget, rpt.check.alpha = 0.050') : 'the budget line'
// The lucky class looks worse on every metric: its accuracy fell from 1.000 to 0.833 on the same 24 cases.
assert log =~ /RefundsMathPromptTests: accuracy worse than the tolerance, but not beyond it at the build's level: baseline 1\.000, current 0\.833/ : 'the lucky class compared'
assert log =~ /RefundsMathPromptTests: Brier worse than the tolerance, but not beyond it at the build's level/ : 'Brier compared'
assert log =~ /example\.MathPromptTests: accuracy ok: baseline 0\.833, current 0\.833/ : 'an honest class compared'
assert log.contains('rpt:check passed') : 'the check did not pass'
assert log.contains('BUILD SUCCESS')
return true
