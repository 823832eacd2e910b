import type { RunMeasurement } from './measure'

/** What bench/memory.ts writes to bench/results/memory-<events>.json. */
export interface MemoryResult {
    name: string
    date: string
    targetEvents: number
    data: { children: number; clients: number; events: number }
    latencyMs: number
    status: 'measured' | 'not run'
    note?: string
    measurement?: RunMeasurement
    /** heapUsed once a second during the run, MB: flat if memory does not grow with the data. */
    heapTimelineMb: number[]
    peakHeapTargetMb: number
    outcome?: unknown
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')

export function memorySection(result: MemoryResult): string {
    const m = result.measurement
    const head =
        `### ${result.name}\n\n${result.date.slice(0, 16).replace('T', ' ')} UTC · ` +
        `${int(result.data.children)} children → ${int(result.data.clients)} clients and ` +
        `${int(result.data.events)} events · ${result.latencyMs} ms per request`
    if (!m) return `${head}\n\nEngine not run: ${result.note ?? 'no reason recorded'}.`
    const verdict = m.peakHeapMb < result.peakHeapTargetMb ? 'met' : 'missed'
    const timeline = result.heapTimelineMb
    const tenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
        (i) => timeline[Math.min(timeline.length - 1, Math.floor((i * (timeline.length - 1)) / 10))]
    )
    return [
        head,
        '',
        `Wall time ${(m.wallMs / 1000).toFixed(1)} s, ${int((result.data.clients + result.data.events) / (m.wallMs / 1000))} records/s; ` +
            `peak heap **${m.peakHeapMb} MB** (target < ${result.peakHeapTargetMb} MB: **${verdict}**), ` +
            `started at ${m.startHeapMb} MB; peak RSS ${m.peakRssMb} MB.`,
        '',
        `Heap (MB) at each tenth of the run: ${tenths.join(' · ')}`,
    ].join('\n')
}
