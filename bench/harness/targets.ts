import { derive, type ScenarioResult } from './scenario'

/** Issue 12's targets, checked on one comparison (never as timed tests). */

export interface TargetCheck {
    target: string
    status: 'met' | 'missed' | 'not measured'
    detail: string
}

const x = (n: number) => `${n >= 10 ? Math.round(n) : n.toFixed(1)}×`
const pct = (n: number) => `${(n * 100).toFixed(1)} %`

export function checkTargets(scenarios: ScenarioResult[]): TargetCheck[] {
    const find = (key: ScenarioResult['key']) => {
        const scenario = scenarios.find((s) => s.key === key)
        return scenario ? derive(scenario) : undefined
    }
    const seed = find('seed')
    const engine = find('engine')
    const direct = find('dhis2-direct')
    const checks: TargetCheck[] = []
    const compare = (
        target: string,
        value: number | undefined,
        ok: (v: number) => boolean,
        detail: (v: number) => string
    ) =>
        checks.push(
            value === undefined || !Number.isFinite(value)
                ? { target, status: 'not measured', detail: 'a side of the comparison did not run' }
                : { target, status: ok(value) ? 'met' : 'missed', detail: detail(value) }
        )
    compare(
        'at least 50× fewer requests than the seed',
        seed && engine ? seed.requests / engine.requests : undefined,
        (v) => v >= 50,
        (v) => (v >= 1 ? `${x(v)} fewer` : `${x(1 / v)} more`)
    )
    compare(
        'at least 20× less wall time than the seed',
        seed && engine ? seed.wallSeconds / engine.wallSeconds : undefined,
        (v) => v >= 20,
        (v) => (v >= 1 ? `${x(v)} less` : `${x(1 / v)} more: slower than the seed`)
    )
    compare(
        'own CPU time under 10 % of the total',
        engine?.cpuShare,
        (v) => v < 0.1,
        (v) => pct(v)
    )
    compare(
        'whole sync within 1.25× of DHIS2 importing the same payloads directly',
        engine && direct ? engine.wallSeconds / direct.wallSeconds : undefined,
        (v) => v <= 1.25,
        (v) => `${v.toFixed(2)}× the direct import`
    )
    return checks
}
