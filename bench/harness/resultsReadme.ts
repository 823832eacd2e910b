import { readdirSync, readFileSync } from 'fs'
import path from 'path'
import { resultSection, type CompareResult } from './resultsTable'
import { writeFormatted } from './writeFormatted'

/**
 * bench/results/README.md: every comparison saved in bench/results (compare-*.json), largest data
 * first, each with its table, the targets and its notes. Rewritten after every run.
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
- **(b) engine**: this connector's full sync (bench/engineRun.ts).
- **(c) DHIS2 alone**: the engine's own \`/api/tracker\` payloads (or, before the engine is wired, the
  same clients and vaccinations built by bench/harness/directPayloads.ts), posted straight to
  \`/api/tracker\` one batch at a time with \`async=false\`: the physical limit.

Columns: requests sent to DHIS2 and to OpenSRP (counted by a proxy in front of each); wall time;
OpenSRP records (clients + events) per second; each scenario's requests and wall time divided by
the seed's (for (b) that is the ratio b/a; lower is better); peak heap of the benchmark process; its CPU time over wall time (the sandboxes run in
their own process, so this is the client's own work); and the share of wall time with a DHIS2
request open.
`

const isCompareResult = (value: unknown): value is CompareResult =>
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    'scenarios' in value &&
    'data' in value

export async function writeResultsReadme(dir: string): Promise<string> {
    const results = readdirSync(dir)
        .filter((file) => /^compare-.*\.json$/.test(file))
        .map((file): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
        .filter(isCompareResult)
        .sort((a, b) => b.data.records - a.data.records || a.name.localeCompare(b.name))
    const others = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('compare-'))
    const text = [
        HEADER,
        ...results.map(resultSection),
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
