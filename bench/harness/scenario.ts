import type { RunMeasurement } from './measure'

/** One line of the comparison: what ran, on how much data, and what it cost. */
export interface ScenarioResult {
    key: 'seed' | 'engine' | 'dhis2-direct'
    label: string
    status: 'measured' | 'extrapolated' | 'not run'
    /** Why it was not run, how it was extrapolated, where its payloads came from. */
    note?: string
    /** OpenSRP records (clients + events) the run covers. */
    records: number
    /**
     * Objects DHIS2 confirmed (tracked entities, enrollments, events, data values): the seed
     * writes no vaccination events, so it does less work for DHIS2 than the engine.
     */
    written?: number
    /** What the table reports: measured, or for a sample, extrapolated to all clients. */
    measurement?: RunMeasurement
    /** The sample as measured, when `measurement` is extrapolated. */
    sampled?: RunMeasurement
    extrapolation?: { sampledClients: number; totalClients: number; factor: number }
    /** What the run itself reported (seed counts, the engine's result, the replay's counts). */
    outcome?: unknown
}

export interface Derived {
    requests: number
    dhis2Requests: number
    opensrpRequests: number
    wallSeconds: number
    recordsPerSecond: number
    peakHeapMb: number
    /** This process's CPU time over wall time. */
    cpuShare: number
    /** Time with a DHIS2 request open over wall time. */
    dhis2WaitShare: number
    opensrpWaitShare: number
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

export function derive(scenario: ScenarioResult): Derived | undefined {
    const m = scenario.measurement
    if (!m) return undefined
    const wallSeconds = m.wallMs / 1000
    return {
        requests: m.dhis2.requests + m.opensrp.requests,
        dhis2Requests: m.dhis2.requests,
        opensrpRequests: m.opensrp.requests,
        wallSeconds,
        recordsPerSecond: ratio(scenario.records, wallSeconds),
        peakHeapMb: m.peakHeapMb,
        cpuShare: ratio(m.cpuMs, m.wallMs),
        dhis2WaitShare: ratio(m.dhis2.busyMs, m.wallMs),
        opensrpWaitShare: ratio(m.opensrp.busyMs, m.wallMs),
    }
}
