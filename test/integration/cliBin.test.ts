/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process'
import { tmpdir } from 'os'
import path from 'path'

/** `npx opensrp-dhis2 …` runs bin/opensrp-dhis2.mjs: arguments in, exit code out, from any folder. */

const BIN = path.resolve(__dirname, '../../bin/opensrp-dhis2.mjs')
const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
        cwd: tmpdir(),
        encoding: 'utf8',
        timeout: 60_000,
    })

describe('the opensrp-dhis2 command', () => {
    it('prints its usage from another folder and exits 0', () => {
        const result = run('help')
        expect(result.stdout).toContain('Usage: opensrp-dhis2 <command> [options]')
        expect(result.status).toBe(0)
    })

    it('passes the runner’s exit code through: 2 when DHIS2 cannot be reached', () => {
        const result = run('sync', '--dhis2-url', 'http://127.0.0.1:9', '--dhis2-token', 'x')
        expect(result.stderr).toContain('Could not reach DHIS2 at http://127.0.0.1:9')
        expect(result.status).toBe(2)
    })
})
