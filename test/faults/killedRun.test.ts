/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { spawn } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { saveMappings, saveSettings } from '../../src/adapters/dhis2/configStore'
import { openSqliteSyncStore } from '../../src/adapters/store/sqliteSyncStore'
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import { dhis2Requests } from './support/faultProxy'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
} from './support/scenario'

/**
 * Issue 12: the connector's process dies mid-run. In process: the run is aborted right after
 * DHIS2 accepted a batch (its answer never read) and the local store is thrown away with the
 * process. Out of process: the headless runner is killed with SIGKILL mid-run, leaving its lock
 * and its SQLite store as they were. The next runs end with DHIS2 equal to the oracle.
 */

const ROOT = path.resolve(__dirname, '../..')

describe('a run killed mid-run (DHIS2 2.42)', () => {
    it('aborted as DHIS2 takes a batch, its local store lost: the report says cancelled, and a fresh store duplicates nothing', async () => {
        const f = await startFaultHarness(42)
        try {
            const abort = new AbortController()
            let imports = 0
            f.proxy.onForwarded((request) => {
                if (dhis2Requests.trackerImport(request) && ++imports === 3) abort.abort()
            })
            const killed = await runBoth(f, { signal: abort.signal })
            f.proxy.onForwarded(undefined)
            const report = await expectReportedAsInSummary(f, killed)
            expect(report.summary.status).toBe('cancelled')
            // The process died: what it knew about DHIS2 died with it.
            f.h.store = new InMemorySyncStore()
            const [resumed] = await resumeUntilSettled(f)
            expect(resumed?.tracker?.created).toBeGreaterThan(0)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})

describe('the headless runner killed with SIGKILL mid-run (DHIS2 2.40)', () => {
    it('leaves its lock naming it; once the lock lapses, a run on its SQLite store duplicates and loses nothing', async () => {
        const f = await startFaultHarness(40)
        const folder = mkdtempSync(path.join(tmpdir(), 'killed-run-'))
        const storeFile = path.join(folder, 'store.sqlite')
        try {
            // What `init` would store, with the harness's salt and small batches.
            expect(await saveSettings(f.h.kv, f.h.settings)).toEqual({ ok: true })
            expect(await saveMappings(f.h.kv, f.h.mappings)).toEqual({ ok: true })
            // Node itself runs the CLI (tsx as a loader): killing a `tsx` wrapper would kill the
            // wrapper only and leave the runner alive, still writing and holding its lock.
            const child = spawn(
                process.execPath,
                [
                    '--import',
                    'tsx',
                    'src/cli/main.ts',
                    'sync',
                    '--json',
                    '--store',
                    storeFile,
                    '--dhis2-url',
                    f.proxy.url,
                    '--dhis2-token',
                    f.h.dhis2Sandbox.operatorToken,
                    '--opensrp-url',
                    f.h.opensrpUrl,
                    '--opensrp-user',
                    'opensrp-admin',
                    '--opensrp-password',
                    'Admin123',
                ],
                { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }
            )
            let stderr = ''
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
            const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
                child.on('exit', (code, signal) => resolve(signal ?? code))
            )
            let imports = 0
            f.proxy.onForwarded((request) => {
                // DHIS2 has taken the second batch; the runner never hears back.
                if (dhis2Requests.trackerImport(request) && ++imports === 2) child.kill('SIGKILL')
            })
            const ended = await exited
            f.proxy.onForwarded(undefined)
            expect([ended, stderr.slice(-500)]).toEqual(['SIGKILL', expect.any(String)])
            expect(imports).toBe(2)

            // The scope stays locked by the dead run (host, user, run id) until the lock lapses.
            f.h.store = await openSqliteSyncStore(storeFile)
            const blocked = await f.h.run({ scope: { streams: 'both' } })
            expect(blocked.outcome).toBe('locked')
            if (blocked.outcome === 'locked')
                expect(blocked.heldBy).toMatchObject({ trigger: 'manual', user: 'operator' })

            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.h.store.close()
            await f.close()
            rmSync(folder, { recursive: true, force: true })
        }
    }, 60_000)
})
