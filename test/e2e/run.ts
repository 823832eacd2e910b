/**
 * End-to-end: the built app in headless Chromium against both sandboxes.
 * Run: `npx tsx test/e2e/run.ts [--smoke 2.42,2.40|none] [--journey 2.42,2.40|none] [--no-build]`
 * (exit 1 on any failure; `--versions` is the old name of `--smoke`; the app is built first when
 * its zip is older than src/, unless --no-build).
 *
 * - smoke (default: every version, 2.42 first): the operator's first screen, one header bar, in
 *   English and Bangla. Screenshots: test-results/app-2.XX.png, app-2.XX-bn.png, app.png.
 * - journey (default: 2.42, 2.40): admin creates the route, applies the BD template, dry runs,
 *   imports and reads the history; the facility nurse sees only her facility. Screenshots of
 *   each page: test/e2e/screenshots/ for 2.42 (committed), test-results/journey-2.XX/ for others.
 */
import { copyFileSync, existsSync } from 'fs'
import path from 'path'
import { parseVersion } from '../../sandbox/dhis2'
import type { ServerVersion } from '../../sandbox/dhis2'
import { runJourney } from './journey'
import { runSmoke } from './smoke'
import { appZip, ROOT } from './support/appZip'

const resultsDir = path.join(ROOT, 'test-results')
const screenshotsDir = path.join(__dirname, 'screenshots')
/** The journey whose screenshots are committed (test/e2e/screenshots/). */
const COMMITTED_JOURNEY = 42

function versionsOf(option: string, fallback: string): ServerVersion[] {
    const arg = process.argv.indexOf(option)
    const list = (arg >= 0 ? process.argv[arg + 1] : undefined) ?? fallback
    if (list === 'none') return []
    return list.split(',').map((text) => {
        const version = parseVersion(text)
        if (!version) throw new Error(`Unknown DHIS2 version ${text}`)
        return version
    })
}

function report(what: string, problems: string[]): boolean {
    if (problems.length === 0) {
        console.log(`ok   ${what}`)
        return true
    }
    console.log(`FAIL ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    return false
}

async function main(): Promise<void> {
    const smoke = process.argv.includes('--versions')
        ? versionsOf('--versions', '')
        : versionsOf('--smoke', '2.42,2.38,2.39,2.40,2.41,2.43')
    const journey = versionsOf('--journey', '2.42,2.40')
    const zip = appZip(!process.argv.includes('--no-build'))
    let ok = true
    for (const [index, version] of smoke.entries()) {
        const screenshot = path.join(resultsDir, `app-2.${version.minor}.png`)
        const problems = await runSmoke(version, zip, screenshot)
        if (index === 0 && existsSync(screenshot))
            copyFileSync(screenshot, path.join(resultsDir, 'app.png'))
        const name = `DHIS2 2.${version.minor}.${version.patch}`
        ok = report(`${name}: app rendered, no unexpected errors (${screenshot})`, problems) && ok
    }
    for (const version of journey) {
        const name = `DHIS2 2.${version.minor}.${version.patch}`
        console.log(`     journey on ${name}`)
        const dir =
            version.minor === COMMITTED_JOURNEY
                ? screenshotsDir
                : path.join(resultsDir, `journey-2.${version.minor}`)
        const result = await runJourney(version, zip, dir)
        ok =
            report(
                `${name} journey: ${result.screenshots.length} screenshots in ${path.relative(ROOT, dir)}`,
                result.problems
            ) && ok
    }
    process.exit(ok ? 0 : 1)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
