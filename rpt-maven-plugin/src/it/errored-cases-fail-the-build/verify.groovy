def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: 25, Failures: 0, Errors: 2, Skipped: \d+/ : 'Surefire counts: the 2 errored cases are errors'
assert log =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-surefire-plugin:[^:]+:test/ : 'Surefire must be what fails'
assert log.contains("Case 'gsm-00' errored before an answer: BadRequestException: HTTP 400 bad request: the rpt simulator refuses this request") : 'the error'
assert !(log =~ /\n\tat dev\.rpt\./) : 'no stack trace for an errored case'
assert log =~ /\[rpt\] MathPromptTests +\d+ +2 .* FAIL: accuracy . 0\.500 ok, ECE . 0\.300 ok; 2 errored/ : 'the summary row'
assert log.contains('BUILD FAILURE')
return true
