/**
 * Benchmark (issue 12): the seed's approach against this engine, on the same generated data, in
 * one run, with a fixed latency before every server answer.
 *
 *   npx tsx bench/compare.ts [--clients 10000] [--latency-ms 50] [--quick]
 *       [--seed-sample N | --seed-full] [--opensrp-latency-ms N] [--direct-batch 200]
 *       [--skip seed,engine,direct] [--in-process] [--name NAME]
 *
 * --clients      children in the OpenSRP generator (most bring their mother: ~1.9 clients each)
 * --quick        500 children at 10 ms unless --clients / --latency-ms say otherwise
 * --seed-sample  run the seed's per-client phase on the first N clients and extrapolate linearly;
 *                without it (and without --seed-full) a sample of 2000 clients is used when the
 *                seed would take over 3 minutes
 * --in-process   sandboxes in this process (CPU share and heap then include theirs)
 *
 * Runs (a) the seed (bench/seed/), (b) the engine (bench/engineRun.ts) and (c) "DHIS2 alone",
 * each against a fresh DHIS2 2.41 sandbox; writes bench/results/<name>.json and
 * bench/results/README.md and prints the table.
 */
import { mkdirSync, mkdtempSync } from 'fs'
import { cpus, tmpdir } from 'os'
import path from 'path'
import { flag, numberArg, optionalNumberArg, stringArg } from './harness/args'
import { openSrpSize } from './harness/openSrpSize'
import { startRemoteSandboxes } from './harness/remoteSandboxes'
import { writeResultsReadme } from './harness/resultsReadme'
import { resultSection, type CompareResult } from './harness/resultsTable'
import {
    runDirectScenario,
    runEngineScenario,
    runSeedScenario,
    type ScenarioContext,
} from './harness/runScenarios'
import { startBenchSandboxes, type BenchSandboxOptions } from './harness/sandboxes'
import type { ScenarioResult } from './harness/scenario'
import { checkTargets } from './harness/targets'
import { writeFormatted } from './harness/writeFormatted'

const DEFAULT_SAMPLE = 2000
const SAMPLE_ABOVE_SECONDS = 180

function seedSample(clients: number, latencyMs: number): number | undefined {
    if (flag('seed-full')) return undefined
    const asked = optionalNumberArg('seed-sample')
    if (asked !== undefined) return asked > 0 ? asked : undefined
    // Two sequential requests per client, each at least the latency plus DHIS2's own work.
    const estimateSeconds = (clients * 2 * (latencyMs + 2)) / 1000
    return estimateSeconds > SAMPLE_ABOVE_SECONDS ? DEFAULT_SAMPLE : undefined
}

async function main() {
    const quick = flag('quick')
    const children = numberArg('clients', quick ? 500 : 10_000)
    const latencyMs = numberArg('latency-ms', quick ? 10 : 50)
    const opensrpLatencyMs = numberArg('opensrp-latency-ms', latencyMs)
    const directBatch = numberArg('direct-batch', 200)
    const inProcess = flag('in-process')
    const skip = new Set((stringArg('skip') ?? '').split(',').filter(Boolean))
    const name = stringArg('name') ?? `compare-${children}c-${latencyMs}ms${quick ? '-quick' : ''}`
    const sandboxOptions: BenchSandboxOptions = {
        children,
        latencyMs,
        opensrpLatencyMs,
        minor: 41,
    }
    const start = inProcess ? startBenchSandboxes : startRemoteSandboxes

    const probe = await start({ ...sandboxOptions, latencyMs: 0, opensrpLatencyMs: 0 })
    const size = await openSrpSize(probe.opensrpUrl).finally(() => probe.close())
    const dhis2Version = probe.dhis2Version
    const context: ScenarioContext = {
        start,
        sandboxOptions,
        data: { ...size, records: size.clients + size.events },
        captureFile: path.join(
            mkdtempSync(path.join(tmpdir(), 'bench-capture-')),
            'tracker.ndjson'
        ),
    }
    const sample = seedSample(size.clients, latencyMs)
    console.log(
        `${children} children → ${size.clients} clients, ${size.events} events; ` +
            `${latencyMs} ms per DHIS2 request, ${opensrpLatencyMs} ms per OpenSRP request` +
            (sample !== undefined && sample < size.clients
                ? `; the seed runs on ${sample} clients and is extrapolated`
                : '')
    )

    const scenarios: ScenarioResult[] = []
    const run = async (key: string, label: string, scenario: () => Promise<ScenarioResult>) => {
        if (skip.has(key)) return
        console.log(`${label} …`)
        const result = await scenario()
        console.log(`${label}: ${result.status}${result.note ? ` (${result.note})` : ''}`)
        scenarios.push(result)
    }
    await run('seed', '(a) seed', () => runSeedScenario(context, sample))
    await run('engine', '(b) engine', () => runEngineScenario(context))
    await run('direct', '(c) DHIS2 alone', () => runDirectScenario(context, directBatch))

    const result: CompareResult = {
        name,
        date: new Date().toISOString(),
        config: {
            children,
            latencyMs,
            opensrpLatencyMs,
            dhis2Version,
            sandboxes: inProcess ? 'in-process' : 'child process',
            directBatchSize: directBatch,
            cpus: cpus().length,
        },
        data: context.data,
        scenarios,
        targets: checkTargets(scenarios),
    }
    const dir = path.join(__dirname, 'results')
    mkdirSync(dir, { recursive: true })
    const json = path.join(dir, `${name}.json`)
    await writeFormatted(json, JSON.stringify(result), 'json')
    const readme = await writeResultsReadme(dir)
    console.log(`\n${resultSection(result)}\n\nWrote ${json} and ${readme}`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
