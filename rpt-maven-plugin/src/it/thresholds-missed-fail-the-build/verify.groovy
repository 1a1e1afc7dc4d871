def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 25, Failures: 1, Errors: 0, Skipped: 24') : 'Surefire counts: only the thresholds test fails'
assert log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin:[^:]+:test/ : 'Surefire must be what fails'
// Surefire's summary keeps the first line of the message: it carries the measured values.
assert log =~ /MathPromptTests\.thresholds MathPromptTests is below its thresholds: accuracy 0\.000 \[0\.000, 0\.138\] \(. 0\.500 .\), ECE 0\.958 \(. 0\.300 .\)/ : 'the thresholds failure'
assert log.contains('Improve the prompt (or run mvn rpt:tune), or lower the bar in @Thresholds.') : 'the fix'
assert log =~ /\[rpt\] MathPromptTests +24 +0  0\.000 .* FAIL: accuracy . 0\.500 FAILED, ECE . 0\.300 FAILED/ : 'the summary row'
assert log.contains('more cases that did not pass (lines stop at 20 per class') : 'the console caps its case lines'
assert log.contains('BUILD FAILURE')
return true
