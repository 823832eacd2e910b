/** @jest-environment node */
import type { ServerCounts } from './countingProxy'
import type { RunMeasurement } from './measure'
import type { ScenarioResult } from './scenario'
import { checkTargets } from './targets'

const counts = (requests: number, busyMs = 0): ServerCounts => ({
    requests,
    byRoute: {},
    busyMs,
    bytesSent: 0,
    bytesReceived: 0,
})
const run = (wallMs: number, requests: number, cpuMs: number): RunMeasurement => ({
    wallMs,
    cpuMs,
    peakHeapMb: 50,
    startHeapMb: 10,
    peakRssMb: 100,
    loadAverage: { start: 1, end: 1 },
    dhis2: counts(requests),
    opensrp: counts(0),
    phases: [],
})
const scenario = (key: ScenarioResult['key'], measurement?: RunMeasurement): ScenarioResult => ({
    key,
    label: key,
    status: measurement ? 'measured' : 'not run',
    records: 1000,
    ...(measurement ? { measurement } : {}),
})

describe("issue 12's targets", () => {
    it('are met when the engine sends 50× fewer requests, takes 20× less time and stays near DHIS2 alone', () => {
        const checks = checkTargets([
            scenario('seed', run(100_000, 5000, 5000)),
            scenario('engine', run(4000, 100, 200)),
            scenario('dhis2-direct', run(3500, 50, 100)),
        ])
        expect(checks.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met'])
    })

    it('say by how much they are missed, and which side was slower', () => {
        const checks = checkTargets([
            scenario('seed', run(10_000, 1000, 500)),
            scenario('engine', run(20_000, 200, 4000)),
            scenario('dhis2-direct', run(2000, 50, 100)),
        ])
        expect(checks.map((c) => c.status)).toEqual(['missed', 'missed', 'missed', 'missed'])
        expect(checks[0]?.detail).toBe('5.0× fewer')
        expect(checks[1]?.detail).toBe('2.0× more: slower than the seed')
        expect(checks[2]?.detail).toBe('20.0 %')
        expect(checks[3]?.detail).toBe('10.00× the direct import')
    })

    it('are not measured when a side did not run', () => {
        const checks = checkTargets([scenario('seed', run(10_000, 1000, 500)), scenario('engine')])
        expect(new Set(checks.map((c) => c.status))).toEqual(new Set(['not measured']))
    })
})
