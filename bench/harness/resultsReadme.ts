import { readdirSync, readFileSync } from 'fs'
import path from 'path'
import { memorySection, type MemoryResult } from './memoryResult'
import { resultSection, type CompareResult } from './resultsTable'
import { writeFormatted } from './writeFormatted'

/**
 * bench/results/README.md: every comparison (compare-*.json) and memory run (memory-*.json) saved
 * in bench/results, largest data first, each with its table, the targets and its notes. Rewritten
 * after every run.
 */

const HEADER = `# Benchmark results

Written by \`npx tsx bench/compare.ts\` (see bench/compare.ts for the options); do not edit by hand.

Scenarios, each against a fresh DHIS2 sandbox (2.41) and an OpenSRP sandbox with the same
generated data, with a fixed delay before every answer:

- **(a) seed**: bench/seed/, a faithful reimplementation of the original connector: per client one
  \`POST /api/trackedEntityInstances\` then one \`POST /api/enrollments\`, one request at a time; then
  one \`dataValueSet\` per month. Its org units, dates and codes are fixed so DHIS2 accepts the data;
  nothing is made faster. On large data it runs on the first N clients and is extrapolated linearly
  (marked in the table).
- **(b) engine**: this connector's full sync, \`sync\` of the headless runner called in-process
  (bench/engineRun.ts) after \`init --template bd\`, with OpenSRP read directly.
- **(c) DHIS2 alone**: the engine's own \`/api/tracker\` payloads (or, when (b) did not run, the
  same clients and vaccinations built by bench/harness/directPayloads.ts), posted straight to
  \`/api/tracker\` one batch at a time with \`async=false\`: the physical limit.

Columns: requests sent to DHIS2 and to OpenSRP (counted by a proxy in front of each); wall time;
OpenSRP records (clients + events) per second; objects DHIS2 confirmed (tracked entities,
enrollments, events, data values: the seed writes no vaccination events, so DHIS2 has less to do
for it); each scenario's requests and wall time divided by
the seed's (for (b) that is the ratio b/a; lower is better); peak heap of the benchmark process; its CPU time over wall time (the sandboxes run in
their own process, so this is the client's own work); and the shares of wall time with a DHIS2
request open and with an OpenSRP request open. What the CPU and waiting shares leave is idle time:
timers and sleeps (for instance between polls of an async tracker job).
`

const isCompareResult = (value: unknown): value is CompareResult =>
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    'scenarios' in value &&
    'data' in value

const isMemoryResult = (value: unknown): value is MemoryResult =>
    typeof value === 'object' && value !== null && 'heapTimelineMb' in value && 'data' in value

const readAll = (dir: string, pattern: RegExp): unknown[] =>
    readdirSync(dir)
        .filter((file) => pattern.test(file))
        .map((file): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8')))

export async function writeResultsReadme(dir: string): Promise<string> {
    const results = readAll(dir, /^compare-.*\.json$/)
        .filter(isCompareResult)
        .sort((a, b) => b.data.records - a.data.records || a.name.localeCompare(b.name))
    const memory = readAll(dir, /^memory-.*\.json$/)
        .filter(isMemoryResult)
        .sort((a, b) => b.data.events - a.data.events)
    const others = readdirSync(dir).filter(
        (f) => f.endsWith('.json') && !/^(compare|memory)-/.test(f)
    )
    const text = [
        HEADER,
        '## Seed, engine and DHIS2 alone',
        ...results.map(resultSection),
        '## Memory (bench/memory.ts)',
        ...(memory.length > 0 ? memory.map(memorySection) : ['Not run yet.']),
        ...(others.length > 0
            ? [
                  '',
                  `Other benchmarks' raw results here: ${others.map((f) => `[${f}](${f})`).join(', ')}.`,
              ]
            : []),
        '',
    ].join('\n\n')
    const file = path.join(dir, 'README.md')
    await writeFormatted(file, text, 'markdown')
    return file
}
