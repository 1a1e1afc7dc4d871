// The three rpt:cache runs: the survey names the entry an earlier rpt wrote (no write time), the prune removes it as
// older than any age limit, and the clear then finds nothing left; the format file stays.
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] BUILD SUCCESS/)
assert runs.length >= 4 : 'three successful rpt:cache runs'
assert runs[0].contains('  1 entry, 0.6 kB')
assert runs[0].contains('without a write time (recorded by an earlier rpt; older than any age limit): 1')
assert runs[1].contains('removed 1 entry (0.6 kB) older than 30d or without a write time.')
assert runs[1].contains('  0 entries, 0.0 kB')
assert runs[2].contains('removed 0 entries (0.0 kB).')
def cache = new File(basedir, 'src/test/rpt-cache')
assert new File(cache, 'rpt-cache.json').isFile() : 'the format file is kept'
assert !new File(cache, '85/85f225f2f07befc614deba6ee60b1ef2209de229320b918645b8e45052160557.json').exists()
return true
