/** @jest-environment node */
import type { ServerCounts } from './countingProxy'
import { extrapolatePhase } from './extrapolate'
import type { PhaseMeasurement, RunMeasurement } from './measure'

const counts = (requests: number, busyMs: number): ServerCounts => ({
    requests,
    byRoute: { 'POST /api/x': requests },
    busyMs,
    bytesSent: 0,
    bytesReceived: 0,
})
const phase = (name: string, wallMs: number, requests: number): PhaseMeasurement => ({
    name,
    wallMs,
    cpuMs: wallMs / 10,
    dhis2: counts(requests, wallMs / 2),
    opensrp: counts(1, 1),
})

describe('extrapolating the seed from a sample', () => {
    const measured: RunMeasurement = {
        wallMs: 1300,
        cpuMs: 130,
        peakHeapMb: 40,
        startHeapMb: 20,
        peakRssMb: 90,
        loadAverage: { start: 1, end: 1 },
        dhis2: counts(0, 0),
        opensrp: counts(0, 0),
        phases: [phase('setup', 100, 1), phase('tracker', 1000, 200), phase('aggregate', 200, 36)],
    }

    it('scales only the per-client phase and adds the others as measured', () => {
        const scaled = extrapolatePhase(measured, 'tracker', 10)
        expect(scaled.wallMs).toBe(100 + 10_000 + 200)
        expect(scaled.cpuMs).toBe(10 + 1000 + 20)
        expect(scaled.dhis2.requests).toBe(1 + 2000 + 36)
        expect(scaled.opensrp.requests).toBe(1 + 10 + 1)
        expect(scaled.dhis2.busyMs).toBe(50 + 5000 + 100)
        expect(scaled.peakHeapMb).toBe(40)
        expect(scaled.phases.map((p) => p.name)).toEqual(['setup', 'tracker (×10.00)', 'aggregate'])
    })
})
