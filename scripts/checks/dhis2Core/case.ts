/**
 * One carried-over dhis2-core test: named `JavaClass.method` after the test it replays, run through
 * the DHIS2 sandbox's HTTP API only, failing (throwing) where the Java test's assertions would fail.
 */
export interface CoreCase {
    name: string
    run: (fixturesDir: string) => Promise<void>
}

/** A dhis2-core test that the Web API cannot express, with why; printed in the check's report. */
export interface NotExpressible {
    name: string
    why: string
}

export interface CaseGroup {
    cases: CoreCase[]
    notExpressible: NotExpressible[]
}

export class CaseFailure extends Error {}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
    const a = JSON.stringify(actual)
    const e = JSON.stringify(expected)
    if (a !== e) throw new CaseFailure(`${what}: expected ${e}, got ${a}`)
}

export function expectTrue(condition: boolean, what: string): void {
    if (!condition) throw new CaseFailure(what)
}
