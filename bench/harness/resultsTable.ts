import type { RunMeasurement } from './measure'
import { derive, type ScenarioResult } from './scenario'
import type { TargetCheck } from './targets'

/** The comparison as a markdown table, for the terminal and for bench/results/README.md. */

export interface CompareResult {
    name: string
    date: string
    config: {
        children: number
        latencyMs: number
        opensrpLatencyMs: number
        dhis2Version: string
        sandboxes: 'child process' | 'in-process'
        directBatchSize: number
        /** CPUs of the machine the benchmark ran on. */
        cpus: number
    }
    data: { clients: number; events: number; records: number }
    scenarios: ScenarioResult[]
    targets: TargetCheck[]
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const pct = (n: number) => `${(n * 100).toFixed(1)} %`

export function duration(seconds: number): string {
    if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`
    const minutes = Math.floor(seconds / 60)
    return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
}

function ratioCell(engine: number | undefined, seed: number | undefined): string {
    if (engine === undefined || seed === undefined || seed === 0) return '—'
    return (engine / seed).toFixed(engine / seed < 0.01 ? 4 : 3)
}

export function scenarioTable(result: CompareResult): string {
    const seed = result.scenarios.find((s) => s.key === 'seed')
    const seedDerived = seed ? derive(seed) : undefined
    const rows = result.scenarios.map((scenario) => {
        const d = derive(scenario)
        const label =
            scenario.status === 'extrapolated'
                ? `${scenario.label} *(extrapolated from ${int(scenario.extrapolation?.sampledClients ?? 0)} of ${int(scenario.extrapolation?.totalClients ?? 0)} clients)*`
                : scenario.label
        if (!d) return `| ${label} | not run | | | | | | | | | |`
        const isSeed = scenario.key === 'seed'
        return [
            label,
            `${int(d.requests)} (${int(d.dhis2Requests)} + ${int(d.opensrpRequests)})`,
            duration(d.wallSeconds),
            int(d.recordsPerSecond),
            scenario.written === undefined ? '—' : int(scenario.written),
            isSeed ? '1' : ratioCell(d.requests, seedDerived?.requests),
            isSeed ? '1' : ratioCell(d.wallSeconds, seedDerived?.wallSeconds),
            `${d.peakHeapMb.toFixed(0)} MB`,
            pct(d.cpuShare),
            pct(d.dhis2WaitShare),
            pct(d.opensrpWaitShare),
        ]
            .join(' | ')
            .replace(/^/, '| ')
            .concat(' |')
    })
    return [
        '| scenario | requests (DHIS2 + OpenSRP) | wall time | records/s | written to DHIS2 | requests ÷ (a) | wall time ÷ (a) | peak heap | own CPU / wall | waiting on DHIS2 / wall | waiting on OpenSRP / wall |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...rows,
    ].join('\n')
}

export function targetsList(targets: TargetCheck[]): string {
    return targets.map((t) => `- ${t.target}: **${t.status}** (${t.detail})`).join('\n')
}

export function resultSection(result: CompareResult): string {
    const c = result.config
    const notes = result.scenarios
        .filter((s) => s.note)
        .map((s) => `- ${s.label}: ${s.note}`)
        .join('\n')
    // Files written before these fields existed have neither; say nothing rather than guess.
    const loads = result.scenarios.flatMap((s) => {
        const load: RunMeasurement['loadAverage'] | undefined = s.measurement?.loadAverage
        return load ? [load.start, load.end] : []
    })
    const busiest = Math.max(0, ...loads)
    const machine =
        loads.length === 0 || !c.cpus
            ? ''
            : `Machine: ${c.cpus} CPUs; 1-minute load average during the runs up to ${busiest.toFixed(1)}` +
              (busiest > c.cpus
                  ? ' (**above the CPU count: other processes competed for the CPU, times are inflated**).'
                  : '.')
    return [
        `### ${result.name}`,
        '',
        `${result.date.slice(0, 16).replace('T', ' ')} UTC · ${int(c.children)} children in the generator → ` +
            `${int(result.data.clients)} OpenSRP clients and ${int(result.data.events)} events ` +
            `(${int(result.data.records)} records) · ${c.latencyMs} ms per DHIS2 request, ` +
            `${c.opensrpLatencyMs} ms per OpenSRP request · DHIS2 sandbox ${c.dhis2Version} · ` +
            `sandboxes in a ${c.sandboxes}`,
        ...(machine ? ['', machine] : []),
        '',
        scenarioTable(result),
        '',
        'Targets (issue 12):',
        '',
        targetsList(result.targets),
        ...(notes ? ['', 'Notes:', '', notes] : []),
    ].join('\n')
}
