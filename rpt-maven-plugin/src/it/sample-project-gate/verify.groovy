def log = new File(basedir, 'build.log').text
// Build 1: the application ships rpt-prompt and Jackson, not the test toolchain.
def tree = new File(basedir, 'target/runtime-tree.txt').text
assert tree.contains('dev.rpt:rpt-prompt:jar') : "the application does not depend on rpt-prompt:\n${tree}"
assert tree.contains('dev.rpt:rpt-api:jar') : "rpt-prompt's value types are missing:\n${tree}"
['dev.rpt:rpt-core', 'dev.rpt:rpt-sim', 'dev.rpt:rpt-tools', 'dev.rpt:rpt-junit-engine', 'dev.rpt:rpt-assertions',
 'com.squareup.okhttp3', 'org.jfree', 'org.apache.commons:commons-math3', 'java-diff-utils', 'org.junit'].each {
    assert !tree.contains(it) : "the application's runtime dependencies include ${it}:\n${tree}"
}
// Build 2: the main job tuned the four prompts and wrote them, the tool-calling one by the lookup-first remedy.
assert log.count('Wrote the best candidate to') == 4 : 'rpt:tune did not write the four prompts'
// Build 3: verify reached the gate and passed, although some answers are wrong.
assert log.contains('targeted acted before looking up the order') : 'the tool-calling prompt was tuned on its failure mode'
assert log.contains('+Always look the order up with lookup_order before you refund or change it.') : 'the remedy'
assert log =~ /Tests run: 336, Failures: 0, Errors: 0, Skipped: [1-9]\d*/ : 'Surefire counts: wrong answers tolerated'
assert log.contains('[rpt]   WRONG (tolerated) ') : 'the wrong answers are listed'
assert log =~ /\[rpt\] MathSolverPromptTests +120 +0 .* PASS: accuracy . 0\.750 ok, ECE . 0\.150 ok/ : 'math summary row'
assert log =~ /\[rpt\] DateUnderstandingPromptTests +100 +0 .* PASS: accuracy . 0\.700 ok, ECE . 0\.150 ok/ : 'date summary row'
assert log =~ /\[rpt\] SupportReplyPromptTests +48 +0 .* PASS: accuracy . 0\.800 ok/ : 'judged summary row'
assert log =~ /\[rpt\] judge agreement SupportReplyPromptTests 'apologises': n 20 \(12 stale verdicts left out: the answer changed since it was labelled\), / : 'the judge is measured against the current human verdicts only'
assert log.contains("SupportReplyPromptTests: judge agreement on 'apologises' ok: baseline 1.000, current 1.000") : 'rpt:check compares the judge with the baseline'
assert log =~ /\[rpt\] OrderSupportPromptTests +64 +0 +1\.000 .* PASS: accuracy . 0\.900 ok, tool selection . 0\.900 ok/ : 'tool-calling summary row'
assert log.contains('[rpt] tools OrderSupportPromptTests: tool selection 1.000 [0.943, 1.000] (64 answers scored)') : 'tool use'
assert log.contains('rpt:check passed: 4 prompt test classes') : 'rpt:check did not pass on the committed baseline'
assert log.count('BUILD SUCCESS') == 3 : 'builds 1 to 3 must succeed'
// Build 4: the same prompts against a clearly better baseline: rpt:check fails, naming the fix.
assert log =~ /Failed to execute goal dev\.rpt:rpt-maven-plugin:[^:]+:check/ : 'rpt:check must be the goal that fails'
assert log.contains('MathSolverPromptTests: accuracy REGRESSED: baseline 1.000') : 'the regression'
assert log.contains('Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`.') : 'the fix'
assert log.count('BUILD FAILURE') == 1
return true
