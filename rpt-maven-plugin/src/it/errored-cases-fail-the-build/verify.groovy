def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 25, Failures: 0, Errors: 2, Skipped: \d+/ : 'Surefire counts: the 2 errored cases are errors'
assert log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin:[^:]+:test/ : 'Surefire must be what fails'
assert log.contains("Case 'gsm-00' errored before an answer: MissingVariablesException: No value for variable question") : 'the error'
// The error names the prompt file the user edits, not the copy under target/classes.
assert log =~ /used at \S*src\/main\/resources\/prompts\/math\.prompt:11/ : 'the prompt file in the message'
assert !(log =~ /\n\tat dev\.rpt\./) : 'no stack trace for an errored case'
assert log =~ /\[rpt\] MathPromptTests +\d+ +2 .* FAIL: accuracy . 0\.500 ok, ECE . 0\.300 ok; 2 errored/ : 'the summary row'
assert log.contains('BUILD FAILURE')
return true
