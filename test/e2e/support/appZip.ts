import { spawnSync } from 'child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'

export const ROOT = path.resolve(__dirname, '../../..')

function newestSource(dir: string): number {
    let newest = 0
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'locales') continue // written by the build itself
        const full = path.join(dir, entry.name)
        newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
    }
    return newest
}

function packageVersion(): string {
    const pkg: unknown = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    return typeof pkg === 'object' &&
        pkg !== null &&
        'version' in pkg &&
        typeof pkg.version === 'string'
        ? pkg.version
        : '0.0.0'
}

/**
 * The built app's zip; `npm run build` first when it is missing or older than src/ or i18n/
 * (unless `build` is false: trying the e2e against the zip at hand while others edit src/).
 */
export function appZip(build = true): string {
    const zip = path.join(ROOT, 'build', 'bundle', `opensrp-connector-${packageVersion()}.zip`)
    const sources = Math.max(
        newestSource(path.join(ROOT, 'src')),
        newestSource(path.join(ROOT, 'i18n')),
        statSync(path.join(ROOT, 'd2.config.js')).mtimeMs
    )
    if (!existsSync(zip) || (build && statSync(zip).mtimeMs < sources)) {
        console.log('The app zip is missing or older than its sources: npm run build')
        const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
        if (build.status !== 0 || !existsSync(zip))
            throw new Error(`npm run build did not produce ${zip}`)
    }
    return zip
}
