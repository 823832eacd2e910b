#!/usr/bin/env node
// `npx opensrp-dhis2 …` from a checkout (after `npm ci`): the headless runner in src/cli, run as
// `node --import tsx src/cli/main.ts` (how docs/scheduling.md runs it) with the same arguments,
// terminal, signals and exit code.
import { spawn } from 'child_process'
import { fileURLToPath } from 'url'

// Both by absolute location, so that paths given as arguments stay relative to where it was run.
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), main, ...process.argv.slice(2)],
    { stdio: 'inherit' }
)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0)
})
