/**
 * Benchmark: stream one million OpenSRP events through the source adapter.
 *
 *   npx tsx bench/streamEvents.ts [--events 1000000] [--children 120000] [--page-size 1000]
 *
 * The sandbox runs in a child process, so heap figures are the adapter's own. The baseline,
 * measured in the same run against the same server, is the least any client must do: fetch each
 * page and JSON.parse it. The adapter adds validation, de-duplication and the overlap cursor; the
 * report gives records per second for both, their ratio and each one's peak heap.
 */
import { spawn, type ChildProcess } from 'child_process'
import { mkdirSync, writeFileSync } from 'fs'
import path from 'path'
import { createOpenSrpSource } from '../src/adapters/opensrp/source'
import { createTransport } from '../src/adapters/opensrp/transport'

const arg = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`)
    const value = index >= 0 ? Number(process.argv[index + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

const TARGET = arg('events', 1_000_000)
const CHILDREN = arg('children', 120_000)
const PAGE_SIZE = arg('page-size', 1000)
const AUTH = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`

function startServer(): Promise<{ url: string; child: ChildProcess }> {
    const child = spawn(
        process.execPath,
        [
            require.resolve('tsx/cli'),
            path.join(__dirname, 'support', 'serveOpenSrp.ts'),
            '--children',
            String(CHILDREN),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    return new Promise((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
            const match = /ready at (\S+)/.exec(chunk.toString())
            if (match?.[1]) resolve({ url: match[1], child })
        })
        child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)))
    })
}

interface Measurement {
    records: number
    seconds: number
    recordsPerSecond: number
    peakHeapMb: number
}

async function measure(
    run: (onRecords: (n: number) => boolean) => Promise<void>
): Promise<Measurement> {
    global.gc?.()
    let peak = process.memoryUsage().heapUsed
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20)
    let records = 0
    const started = process.hrtime.bigint()
    await run((n) => {
        records += n
        peak = Math.max(peak, process.memoryUsage().heapUsed)
        return records < TARGET
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    clearInterval(sampler)
    return {
        records,
        seconds: Math.round(seconds * 100) / 100,
        recordsPerSecond: Math.round(records / seconds),
        peakHeapMb: Math.round((peak / 1024 / 1024) * 10) / 10,
    }
}

async function baseline(url: string, onRecords: (n: number) => boolean) {
    let serverVersion = 0
    for (;;) {
        const response = await fetch(
            `${url}/rest/event/getAll?serverVersion=${serverVersion}&limit=${PAGE_SIZE}`,
            {
                headers: { Authorization: AUTH, Accept: 'application/json' },
            }
        )
        const page = (await response.json()) as { events: Array<{ serverVersion: number }> }
        if (page.events.length === 0) return
        serverVersion = page.events[page.events.length - 1]?.serverVersion ?? serverVersion
        if (!onRecords(page.events.length)) return
    }
}

async function adapter(url: string, onRecords: (n: number) => boolean) {
    const controller = new AbortController()
    const source = createOpenSrpSource(
        createTransport({
            mode: 'direct',
            baseUrl: url,
            auth: { type: 'basic', username: 'opensrp-admin', password: 'Admin123' },
        }),
        { pageSize: PAGE_SIZE }
    )
    for await (const batch of source.streamEvents({ endpoint: 'getAll' }, undefined, {
        signal: controller.signal,
    })) {
        if (!onRecords(batch.records.length + batch.quarantined.length)) return
    }
}

async function main() {
    const { url, child } = await startServer()
    try {
        const base = await measure((on) => baseline(url, on))
        const ours = await measure((on) => adapter(url, on))
        const report = {
            date: new Date().toISOString(),
            target: TARGET,
            pageSize: PAGE_SIZE,
            baseline: base,
            adapter: ours,
            throughputRatio:
                Math.round((ours.recordsPerSecond / base.recordsPerSecond) * 100) / 100,
        }
        console.log(JSON.stringify(report, null, 2))
        const dir = path.join(__dirname, 'results')
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, 'streamEvents.json'), JSON.stringify(report, null, 2))
    } finally {
        child.kill('SIGTERM')
    }
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
