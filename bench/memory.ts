/**
 * Memory benchmark (issue 12): one million OpenSRP events synced by the engine, peak heap under
 * 300 MB, and a heap that stays flat as the data grows.
 *
 *   node --expose-gc --import tsx bench/memory.ts [--events 1000000] [--latency-ms 0]
 *   (or npx tsx bench/memory.ts …; --expose-gc makes the starting heap a collected one)
 *
 * The sandboxes run in a child process, so the heap measured is the engine's own. The generator's
 * children are chosen so that the server holds about --events events. Writes
 * bench/results/memory-<events>.json and refreshes bench/results/README.md.
 */
import { mkdirSync, mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { startOpenSrpSandbox } from '../sandbox/opensrp'
import { prepareEngine, runEngineSync, type EngineRunOptions } from './engineRun'
import { numberArg } from './harness/args'
import { measureRun } from './harness/measure'
import type { MemoryResult } from './harness/memoryResult'
import { openSrpSize } from './harness/openSrpSize'
import { startRemoteSandboxes } from './harness/remoteSandboxes'
import { writeResultsReadme } from './harness/resultsReadme'
import { writeFormatted } from './harness/writeFormatted'
import { DHIS2_ADMIN } from './seed/runSeed'

const PEAK_HEAP_TARGET_MB = 300

/** Children for about `events` events: the generator's events per child, from a small sample. */
async function childrenFor(events: number): Promise<number> {
    const probe = await startOpenSrpSandbox({ children: 2000 })
    try {
        const size = await openSrpSize(probe.url)
        return Math.ceil(events / (size.events / 2000))
    } finally {
        await probe.close()
    }
}

async function main() {
    const targetEvents = numberArg('events', 1_000_000)
    const latencyMs = numberArg('latency-ms', 0)
    const children = await childrenFor(targetEvents)
    const sandboxes = await startRemoteSandboxes({ children, latencyMs, minor: 41 })
    const timeline: number[] = []
    const result: MemoryResult = {
        name: `memory-${targetEvents}`,
        date: new Date().toISOString(),
        targetEvents,
        data: { children, clients: 0, events: 0 },
        latencyMs,
        status: 'not run',
        heapTimelineMb: timeline,
        peakHeapTargetMb: PEAK_HEAP_TARGET_MB,
    }
    try {
        result.data = { children, ...(await openSrpSize(sandboxes.opensrpUrl)) }
        console.log(
            `${children} children → ${result.data.clients} clients, ${result.data.events} events`
        )
        const options: EngineRunOptions = {
            dhis2Url: sandboxes.dhis2Url,
            opensrpUrl: sandboxes.opensrpUrl,
            dhis2Token: sandboxes.operatorToken,
            dhis2Credentials: DHIS2_ADMIN,
            opensrpCredentials: { username: 'opensrp-admin', password: 'Admin123' },
            workDir: mkdtempSync(path.join(tmpdir(), 'bench-memory-')),
        }
        const ticker = setInterval(
            () => timeline.push(Math.round(process.memoryUsage().heapUsed / 1024 / 1024)),
            1000
        )
        try {
            await prepareEngine(options)
            const { result: outcome, measurement } = await measureRun(
                sandboxes.counts,
                async (phase) => {
                    await phase('sync')
                    return runEngineSync(options)
                }
            )
            Object.assign(result, { status: 'measured', measurement, outcome })
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            result.note = `the run failed: ${message}`
        } finally {
            clearInterval(ticker)
        }
    } finally {
        await sandboxes.close()
    }
    const peak = result.measurement?.peakHeapMb
    console.log(
        peak === undefined
            ? `engine not run: ${result.note ?? ''}`
            : `peak heap ${peak} MB (target < ${PEAK_HEAP_TARGET_MB} MB: ${peak < PEAK_HEAP_TARGET_MB ? 'met' : 'missed'}), ` +
                  `wall ${((result.measurement?.wallMs ?? 0) / 1000).toFixed(1)} s`
    )
    const dir = path.join(__dirname, 'results')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${result.name}.json`)
    await writeFormatted(file, JSON.stringify(result), 'json')
    console.log(`Wrote ${file} and ${await writeResultsReadme(dir)}`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
