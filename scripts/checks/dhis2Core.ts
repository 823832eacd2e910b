/**
 * Check: dhis2-core's own import tests (branch 2.41, commit 7b5e54c84a3d834e9c95e64c833d0c107ce9daef)
 * replayed against the DHIS2 sandbox through its HTTP API. Their payloads stay in the shared
 * fixtures folder (never copied into this project); each case is named after the Java test method
 * it carries over and makes that test's assertions. Tests the Web API cannot express are listed
 * with why (see each group's `notExpressible`).
 *
 *   npx tsx scripts/checks/dhis2Core.ts <shared fixtures>/dhis2-core-2.41 [name filter]
 */
import { existsSync } from 'fs'
import path from 'path'
import type { CaseGroup } from './dhis2Core/case'
import { trackerCases } from './dhis2Core/tracker'
import { dataValueCases } from './dhis2Core/dataValues'

const MINIMUM_CASES = 60

async function main(folder: string | undefined, filter: string | undefined): Promise<number> {
    if (!folder || !existsSync(path.join(folder, 'dhis-test-integration'))) {
        console.error('Usage: tsx scripts/checks/dhis2Core.ts <folder dhis2-core-2.41> [filter]')
        return 2
    }
    const groups: CaseGroup[] = [trackerCases(), dataValueCases()]
    const cases = groups
        .flatMap((group) => group.cases)
        .filter((c) => !filter || c.name.includes(filter))
    const names = groups.flatMap((group) => [
        ...group.cases.map((c) => c.name),
        ...group.notExpressible.map((n) => n.name),
    ])
    const twice = names.filter((name, i) => names.indexOf(name) !== i)
    if (twice.length > 0) {
        console.error(`FAILED: carried over twice: ${[...new Set(twice)].join(', ')}`)
        return 1
    }
    let passed = 0
    const failures: string[] = []
    for (const c of cases) {
        try {
            await c.run(folder)
            passed += 1
            console.log(`  ok    ${c.name}`)
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            failures.push(`${c.name}: ${message}`)
            console.log(`  FAIL  ${c.name}: ${message}`)
        }
    }
    const skipped = groups.flatMap((group) => group.notExpressible)
    if (skipped.length > 0) {
        console.log(`\nNot expressible over the Web API (${skipped.length}):`)
        for (const s of skipped) console.log(`  -     ${s.name}: ${s.why}`)
    }
    console.log(`\n${passed}/${cases.length} cases as dhis2-core's tests assert`)
    if (!filter && cases.length < MINIMUM_CASES) {
        console.error(
            `FAILED: only ${cases.length} cases carried over; at least ${MINIMUM_CASES} are required`
        )
        return 1
    }
    if (failures.length > 0) {
        console.error(`FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
        return 1
    }
    return 0
}

main(process.argv[2], process.argv[3]).then((code) => process.exit(code))
