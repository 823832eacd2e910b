import { loadavg } from 'os'
import type { ServerCounts } from './countingProxy'
import type { SandboxCounts } from './sandboxes'

/**
 * Wall time, this process's CPU time (process.cpuUsage), peak heap (process.memoryUsage sampled)
 * and the requests each server saw, for a run and for each phase the run announces. With the
 * sandboxes in their own process the CPU time is the client's own; "busy" is the time at least one
 * request to that server was open, i.e. the client was waiting on it.
 */

export interface PhaseMeasurement {
    name: string
    wallMs: number
    cpuMs: number
    dhis2: ServerCounts
    opensrp: ServerCounts
}

export interface RunMeasurement {
    wallMs: number
    cpuMs: number
    /** Highest heapUsed seen, and what it was when the run began. */
    peakHeapMb: number
    startHeapMb: number
    peakRssMb: number
    /**
     * The machine's 1-minute load average when the run began and ended: above the CPU count,
     * other processes competed for the CPU and the times are inflated.
     */
    loadAverage: { start: number; end: number }
    dhis2: ServerCounts
    opensrp: ServerCounts
    phases: PhaseMeasurement[]
}

interface Snapshot {
    atMs: number
    cpu: NodeJS.CpuUsage
    counts: SandboxCounts
}

const MB = 1024 * 1024
const round1 = (n: number) => Math.round(n * 10) / 10

export function countsBetween(before: ServerCounts, after: ServerCounts): ServerCounts {
    const byRoute: Record<string, number> = {}
    for (const [route, n] of Object.entries(after.byRoute)) {
        const delta = n - (before.byRoute[route] ?? 0)
        if (delta > 0) byRoute[route] = delta
    }
    return {
        requests: after.requests - before.requests,
        byRoute,
        busyMs: round1(after.busyMs - before.busyMs),
        bytesSent: after.bytesSent - before.bytesSent,
        bytesReceived: after.bytesReceived - before.bytesReceived,
    }
}

const cpuMsBetween = (before: NodeJS.CpuUsage, after: NodeJS.CpuUsage) =>
    round1((after.user - before.user + after.system - before.system) / 1000)

function between(name: string, before: Snapshot, after: Snapshot): PhaseMeasurement {
    return {
        name,
        wallMs: round1(after.atMs - before.atMs),
        cpuMs: cpuMsBetween(before.cpu, after.cpu),
        dhis2: countsBetween(before.counts.dhis2, after.counts.dhis2),
        opensrp: countsBetween(before.counts.opensrp, after.counts.opensrp),
    }
}

export async function measureRun<T>(
    counts: () => Promise<SandboxCounts>,
    run: (phase: (name: string) => Promise<void>) => Promise<T>,
    { sampleEveryMs = 25 }: { sampleEveryMs?: number } = {}
): Promise<{ result: T; measurement: RunMeasurement }> {
    global.gc?.()
    const loadAtStart = round1(loadavg()[0] ?? 0)
    const startHeap = process.memoryUsage().heapUsed
    let peakHeap = startHeap
    let peakRss = process.memoryUsage().rss
    const sample = () => {
        const usage = process.memoryUsage()
        peakHeap = Math.max(peakHeap, usage.heapUsed)
        peakRss = Math.max(peakRss, usage.rss)
    }
    const sampler = setInterval(sample, sampleEveryMs)
    const snapshot = async (): Promise<Snapshot> => {
        const current = await counts()
        return { atMs: performance.now(), cpu: process.cpuUsage(), counts: current }
    }
    const phases: PhaseMeasurement[] = []
    const first = await snapshot()
    let open: { name: string; since: Snapshot } | undefined
    const closeOpen = async () => {
        const now = await snapshot()
        if (open) phases.push(between(open.name, open.since, now))
        return now
    }
    try {
        const result = await run(async (name) => {
            open = { name, since: await closeOpen() }
        })
        const last = await closeOpen()
        sample()
        const total = between('total', first, last)
        return {
            result,
            measurement: {
                wallMs: total.wallMs,
                cpuMs: total.cpuMs,
                peakHeapMb: round1(peakHeap / MB),
                startHeapMb: round1(startHeap / MB),
                peakRssMb: round1(peakRss / MB),
                loadAverage: { start: loadAtStart, end: round1(loadavg()[0] ?? 0) },
                dhis2: total.dhis2,
                opensrp: total.opensrp,
                phases,
            },
        }
    } finally {
        clearInterval(sampler)
    }
}
