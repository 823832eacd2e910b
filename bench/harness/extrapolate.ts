import type { ServerCounts } from './countingProxy'
import type { PhaseMeasurement, RunMeasurement } from './measure'

/**
 * The seed's per-client phase grows linearly with the clients (two sequential requests each, a
 * page read every 1000), so a run on the first N clients is scaled to all of them: that phase's
 * wall time, CPU time, requests and waiting are multiplied by total / N; the other phases (org
 * units, the monthly aggregate over all events) ran in full and are kept as measured. Peak heap
 * is kept as measured.
 */

const scaleCounts = (counts: ServerCounts, factor: number): ServerCounts => ({
    requests: Math.round(counts.requests * factor),
    byRoute: Object.fromEntries(
        Object.entries(counts.byRoute).map(([route, n]) => [route, Math.round(n * factor)])
    ),
    busyMs: Math.round(counts.busyMs * factor),
    bytesSent: Math.round(counts.bytesSent * factor),
    bytesReceived: Math.round(counts.bytesReceived * factor),
})

const addCounts = (a: ServerCounts, b: ServerCounts): ServerCounts => {
    const byRoute = { ...a.byRoute }
    for (const [route, n] of Object.entries(b.byRoute)) byRoute[route] = (byRoute[route] ?? 0) + n
    return {
        requests: a.requests + b.requests,
        byRoute,
        busyMs: a.busyMs + b.busyMs,
        bytesSent: a.bytesSent + b.bytesSent,
        bytesReceived: a.bytesReceived + b.bytesReceived,
    }
}

const EMPTY: ServerCounts = { requests: 0, byRoute: {}, busyMs: 0, bytesSent: 0, bytesReceived: 0 }

export function extrapolatePhase(
    measured: RunMeasurement,
    phaseName: string,
    factor: number
): RunMeasurement {
    const phases: PhaseMeasurement[] = measured.phases.map((phase) =>
        phase.name !== phaseName
            ? phase
            : {
                  name: `${phase.name} (×${factor.toFixed(2)})`,
                  wallMs: Math.round(phase.wallMs * factor),
                  cpuMs: Math.round(phase.cpuMs * factor),
                  dhis2: scaleCounts(phase.dhis2, factor),
                  opensrp: scaleCounts(phase.opensrp, factor),
              }
    )
    return {
        ...measured,
        wallMs: phases.reduce((sum, p) => sum + p.wallMs, 0),
        cpuMs: phases.reduce((sum, p) => sum + p.cpuMs, 0),
        dhis2: phases.reduce((sum, p) => addCounts(sum, p.dhis2), EMPTY),
        opensrp: phases.reduce((sum, p) => addCounts(sum, p.opensrp), EMPTY),
        phases,
    }
}
