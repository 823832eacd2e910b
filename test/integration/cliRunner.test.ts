/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { spawnSync } from 'child_process'
import { randomUUID } from 'crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { startDhis2Sandbox, type Dhis2Sandbox } from '../../sandbox/dhis2'
import { ADMIN_BASIC, startOpenSrpSandbox, type OpenSrpSandbox } from '../../sandbox/opensrp'
import { createDataStoreKeyValueStore } from '../../src/adapters/dhis2/dataStore'
import { createNodeEngine } from '../../src/adapters/dhis2/engine'
import { systemClock } from '../../src/adapters/runner/systemClock'
import { acquireRunLock } from '../../src/core/runs/lock'
import {
    birthRegistration,
    childClient,
    dhakaMorning,
    PARENT_CODE,
    vaccination,
} from './support/openSrpRecords'
import {
    counts,
    createOpenSrpRoute,
    cursors,
    dataStoreKeys,
    dataStoreValue,
    dhis2State,
    newHome,
    putDataStoreValue,
    runCli,
    runCliOnTty,
    startCli,
    type CliEnv,
    type Dhis2State,
    type Raw,
} from './cliSupport'

/**
 * Issue 10's CLI acceptance: the real runner in a child process (`node --import tsx
 * src/cli/main.ts`), DHIS2's address and the operator's personal access token in the environment,
 * OpenSRP read through the DHIS2 route, against both sandboxes. The tests run in order and share
 * the servers: each says what it starts from.
 */

jest.setTimeout(180_000)

let opensrp: OpenSrpSandbox
let dhis2: Dhis2Sandbox
let env: CliEnv
const work = mkdtempSync(path.join(tmpdir(), 'opensrp-cli-files-'))

type Summary = {
    status: string
    runId: string
    dryRun: boolean
    tracker: Record<string, number> | null
    aggregate: Record<string, unknown> | null
    errors: Array<Record<string, unknown>>
    failure?: { code: string; message: string }
}
const parseSummary = (stdout: string): Summary => JSON.parse(stdout.trim()) as Summary

/** Keys a run may add whatever it is: its report and the history index. */
const isRunRecord = (key: string) => key.startsWith('run.') || key === 'runs.index'

async function adminKv(url: string) {
    const { engine, version } = await createNodeEngine({
        baseUrl: url,
        auth: { type: 'basic', username: 'admin', password: 'district' },
    })
    return createDataStoreKeyValueStore(engine, version)
}

beforeAll(async () => {
    opensrp = await startOpenSrpSandbox({ children: 30, seed: 5 })
    dhis2 = await startDhis2Sandbox({ minor: 42 })
    await createOpenSrpRoute(dhis2.url, opensrp.url)
    env = { DHIS2_URL: dhis2.url, DHIS2_TOKEN: dhis2.operatorToken, HOME: newHome() }
})

afterAll(async () => {
    await dhis2?.close()
    await opensrp?.close()
})

let firstRun: Summary
let completeState: Dhis2State

describe('the headless runner', () => {
    it('sets up the configuration (exit 0) and lists every command in its help', async () => {
        expect((await runCli(['init', '--template', 'bd'], env)).code).toBe(0)
        const help = await runCli(['help'], env)
        expect(help.code).toBe(0)
        for (const command of [
            'sync',
            'config export',
            'config import',
            'runs list',
            'runs show',
            'runs locks',
            '--wait',
        ])
            expect(help.stdout).toContain(command)
    })

    it('refuses a wrong token with exit code 2, saying why on stderr and nothing on stdout', async () => {
        const result = await runCli(['sync', '--json'], {
            ...env,
            DHIS2_TOKEN: 'd2pat_wrongwrongwrongwrongwrong0000000000',
        })
        expect(result.code).toBe(2)
        expect(result.stdout).toBe('')
        expect(result.stderr).toMatch(/rejected the personal access token \(401\)/)
    })

    it('previews with a dry run: everything read and checked, DHIS2, the cursors and the ledger stamps stay as they were', async () => {
        const before = await dhis2State(dhis2.url)
        const keysBefore = (await dataStoreKeys(dhis2.url)).filter((k) => !isRunRecord(k))
        const result = await runCli(['sync', '--dry-run', '--json'], env)
        expect([0, 1]).toContain(result.code)
        const summary = parseSummary(result.stdout)
        expect(summary.dryRun).toBe(true)
        // It read and checked everything (DHIS2's VALIDATE mode reports no tracker counts).
        expect(summary.aggregate).toMatchObject({ counted: expect.any(Number) })
        expect(Number(summary.aggregate?.counted)).toBeGreaterThan(0)
        expect(summary.errors.length).toBeGreaterThan(0)
        expect(await dhis2State(dhis2.url)).toEqual(before)
        expect(counts(before).trackedEntities).toBe(0)
        expect((await dataStoreKeys(dhis2.url)).filter((k) => !isRunRecord(k))).toEqual(keysBefore)
        expect(await cursors(dhis2.url)).toEqual({})
    })

    it('draws a progress bar redrawn in place on a terminal', async () => {
        expect(spawnSync('script', ['--version']).error).toBeUndefined() // util-linux `script` gives the pty
        const { code, output } = await runCliOnTty(['sync', '--dry-run'], env)
        expect([0, 1]).toContain(code)
        const redraws = output.split('\r\u001b[2K').length - 1
        expect(redraws).toBeGreaterThanOrEqual(2)
        expect(output).toMatch(/\[[█░]+\] (clients|events|aggregates)/)
        expect(output).toMatch(/\d+ read, \d+ written/)
        expect(output).toContain('Run ')
    })

    it('syncs: exit 1 when records failed, a JSON summary with totals and per-record errors by OpenSRP id', async () => {
        const result = await runCli(['sync', '--json', '--scheduled'], env)
        expect(result.code).toBe(1)
        firstRun = parseSummary(result.stdout)
        expect(firstRun).toMatchObject({
            status: 'completed-with-errors',
            dryRun: false,
            tracker: {
                created: expect.any(Number),
                updated: 0,
                unchanged: expect.any(Number),
                failed: expect.any(Number),
                skipped: expect.any(Number),
            },
            aggregate: { written: expect.any(Number), failed: 0 },
        })
        expect(firstRun.tracker?.created).toBeGreaterThan(0)
        expect(firstRun.errors.length).toBeGreaterThan(0)
        for (const error of firstRun.errors) {
            expect(Object.keys(error).sort()).toEqual(['code', 'kind', 'message', 'sourceId'])
            expect(error.sourceId).toMatch(/^[0-9a-f-]{36}$/)
        }
        // Progress went to stderr as plain lines; stdout is the JSON alone.
        expect(result.stderr).toMatch(/^\[\d+:\d\d\] clients: /m)
        expect(result.stderr).not.toContain('\r')
        completeState = await dhis2State(dhis2.url)
        expect(counts(completeState).trackedEntities).toBeGreaterThan(0)
        expect(counts(completeState).dataValues).toBeGreaterThan(0)
    })

    it('exits 0 on a rerun with nothing new, writing nothing', async () => {
        const result = await runCli(['sync', '--json'], env)
        expect(result.code).toBe(0)
        const summary = parseSummary(result.stdout)
        expect(summary.status).toBe('succeeded')
        expect(summary.tracker).toMatchObject({ created: 0, updated: 0, failed: 0 })
        expect(await dhis2State(dhis2.url)).toEqual(completeState)
    })

    it('lists the runs and shows one, problems grouped by code and explained; the report holds no credential or name', async () => {
        const list = await runCli(['runs', 'list', '--json'], env)
        expect(list.code).toBe(0)
        const runs = (JSON.parse(list.stdout) as { runs: Raw[] }).runs
        const entry = runs.find((r) => r.id === firstRun.runId)
        expect(entry).toMatchObject({
            status: 'completed-with-errors',
            trigger: 'scheduled',
            user: 'operator',
        })
        expect((await runCli(['runs', 'list'], env)).stdout).toContain(firstRun.runId)

        const shown = await runCli(['runs', 'show', firstRun.runId, '--json'], env)
        expect(shown.code).toBe(0)
        const report = JSON.parse(shown.stdout) as Raw & {
            summary: Summary
            explanations: Record<string, { title: string; action: string }>
        }
        expect(report.summary.errors.map((e) => e.sourceId).sort()).toEqual(
            firstRun.errors.map((e) => e.sourceId).sort()
        )
        for (const code of new Set(firstRun.errors.map((e) => String(e.code))))
            expect(report.explanations[code]?.action).toEqual(expect.any(String))
        const text = (await runCli(['runs', 'show', firstRun.runId], env)).stdout
        expect(text).toContain('Problems by code')
        expect(text).toContain('What to do:')
        expect(text).toContain(String(firstRun.errors[0]?.sourceId))
        expect((await runCli(['runs', 'show', 'no-such-run'], env)).code).toBe(2)

        const keys = (await dataStoreKeys(dhis2.url)).filter((k) =>
            k.endsWith(`.${firstRun.runId}`)
        )
        expect(keys).toHaveLength(1)
        const stored = JSON.stringify(await dataStoreValue(dhis2.url, keys[0] ?? ''))
        expect(stored).toContain(firstRun.runId)
        for (const secret of [dhis2.operatorToken, 'Operator123', 'Admin123', 'district'])
            expect(stored).not.toContain(secret)
        const clients = (await (
            await fetch(`${opensrp.url}/rest/client/getAll?serverVersion=0&limit=100000`, {
                headers: { Authorization: ADMIN_BASIC },
            })
        ).json()) as Raw[]
        const names = new Set(
            clients
                .flatMap((c) => [c.firstName, c.lastName])
                .flatMap((n) => (typeof n === 'string' ? n.split(/\s+/) : []))
                .filter((n) => /^[A-Za-z]{4,}$/.test(n))
        )
        expect(names.size).toBeGreaterThan(5)
        for (const name of names) expect(stored).not.toMatch(new RegExp(`\\b${name}\\b`))
    })

    it('refuses a second run of a held scope with who holds it, since when and until when (exit 2); --wait waits for it', async () => {
        const kv = await adminKv(dhis2.url)
        const held = await acquireRunLock(kv, systemClock, {
            scope: { streams: 'both' },
            owner: {
                user: 'admin',
                runId: 'held-by-the-test',
                trigger: 'manual',
                host: 'ops-laptop',
            },
            ttlMs: 120_000,
        })
        if (!held.ok) throw new Error('the test could not take the lock')
        const refused = await runCli(['sync', '--json'], env)
        expect(refused.code).toBe(2)
        expect(refused.stdout).toBe('')
        expect(refused.stderr).toMatch(
            /A manual run by admin on ops-laptop has held this scope since \d\d:\d\d/
        )
        expect(refused.stderr).toMatch(/the lock expires at \d\d:\d\d/)
        expect(refused.stderr).toContain('--wait')
        expect((await runCli(['runs', 'locks'], env)).stdout).toContain('held-by-the-test')

        const waiting = startCli(['sync', '--json', '--wait', '90'], env)
        await waiting.stderrMatches(/Waiting up to/)
        await held.lock.release()
        const result = await waiting.done
        expect(result.code).toBe(0)
        expect(parseSummary(result.stdout).status).toBe('succeeded')
        expect((await runCli(['runs', 'locks'], env)).stdout).toContain('No run holds a lock.')
    })

    it('exports the configuration to one file and imports it back, showing the changes first', async () => {
        const file = path.join(work, 'config.json')
        expect((await runCli(['config', 'export', file], env)).code).toBe(0)
        const exported = readFileSync(file, 'utf8')
        expect(exported).not.toContain(dhis2.operatorToken)
        const content = JSON.parse(exported) as Raw & { uidSalt: { value: string }; settings: Raw }
        expect(content.uidSalt.value).toBe((await dataStoreValue(dhis2.url, 'settings')).uidSalt)
        expect(content.settings).not.toHaveProperty('uidSalt')

        expect((await runCli(['config', 'import', file, '--dry-run'], env)).stdout).toMatch(
            /nothing to change/
        )
        const settings = await dataStoreValue(dhis2.url, 'settings')
        await putDataStoreValue(dhis2.url, 'settings', { ...settings, pageSize: 123 })
        const preview = await runCli(['config', 'import', file, '--dry-run'], env)
        expect(preview.code).toBe(0)
        expect(preview.stdout).toContain('~ settings.pageSize: 123 → 500')
        expect(preview.stdout).toContain('nothing was written')
        expect((await dataStoreValue(dhis2.url, 'settings')).pageSize).toBe(123)

        const imported = await runCli(['config', 'import', file, '--json'], env)
        expect(imported.code).toBe(0)
        expect(JSON.parse(imported.stdout)).toMatchObject({
            dryRun: false,
            salt: 'same',
            changes: [{ path: 'settings.pageSize', change: 'changed' }],
        })
        expect(await dataStoreValue(dhis2.url, 'settings')).toEqual(settings)

        await putDataStoreValue(dhis2.url, 'settings', { ...settings, pageSize: 0 })
        const invalid = path.join(work, 'invalid.json')
        expect((await runCli(['config', 'export', '-'], env)).code).toBe(2)
        await putDataStoreValue(dhis2.url, 'settings', settings)
        const broken = { ...content, settings: { ...content.settings, trackerWriter: 'fastest' } }
        writeFileSync(invalid, JSON.stringify(broken))
        const refused = await runCli(['config', 'import', invalid], env)
        expect(refused.code).toBe(2)
        expect(refused.stderr).toMatch(/Nothing was imported.*\n.*settings\.trackerWriter/)
        expect(await dataStoreValue(dhis2.url, 'settings')).toEqual(settings)
    })
})

describe('a run killed midway', () => {
    let slow: Dhis2Sandbox
    let slowEnv: CliEnv

    beforeAll(async () => {
        slow = await startDhis2Sandbox({ minor: 42, latencyMs: 20, asyncJobDelayMs: 500 })
        await createOpenSrpRoute(slow.url, opensrp.url)
        slowEnv = { DHIS2_URL: slow.url, DHIS2_TOKEN: slow.operatorToken, HOME: newHome() }
        // The same configuration and UID salt as the first DHIS2, so the two can be compared UID by UID.
        const file = path.join(work, 'config-for-slow.json')
        expect((await runCli(['config', 'export', file], env)).code).toBe(0)
        const imported = await runCli(['config', 'import', file], slowEnv)
        expect(imported.stdout).toContain('The UID salt is taken from the file')
    })

    afterAll(async () => {
        await slow?.close()
    })

    it('resumes where it stopped after SIGKILL and ends where an uninterrupted run ends', async () => {
        const killed = startCli(['sync', '--json', '--lock-ttl', '4'], slowEnv)
        await killed.stderrMatches(/\] events: /)
        killed.child.kill('SIGKILL')
        expect((await killed.done).signal).toBe('SIGKILL')
        const midway = counts(await dhis2State(slow.url))
        expect(midway.trackedEntities).toBeGreaterThan(0)
        expect(midway.events).toBeLessThan(counts(completeState).events)
        expect(await dataStoreKeys(slow.url)).toContain('lock.all') // left behind by the killed run

        const resumed = await runCli(['sync', '--json', '--lock-ttl', '4', '--wait', '60'], slowEnv)
        expect([0, 1]).toContain(resumed.code)
        const summary = parseSummary(resumed.stdout)
        // The clients the killed run had written were not sent again.
        expect(summary.tracker?.created).toBeGreaterThan(0)
        expect(summary.tracker?.created).toBeLessThan(firstRun.tracker?.created ?? 0)
        expect(await dhis2State(slow.url)).toEqual(completeState)
    })

    it('stops cleanly on SIGTERM: exit 2, cancelled, its report saved and its lock released', async () => {
        const store = path.join(work, 'store-for-sigterm.sqlite')
        const running = startCli(['sync', '--json', '--store', store], slowEnv)
        await running.stderrMatches(/\] clients: /)
        running.child.kill('SIGTERM')
        const result = await running.done
        expect(result).toMatchObject({ code: 2, signal: null })
        const summary = parseSummary(result.stdout)
        expect(summary.status).toBe('cancelled')
        expect(await dataStoreKeys(slow.url)).not.toContain('lock.all')
        expect((await runCli(['runs', 'list'], slowEnv)).stdout).toMatch(
            new RegExp(`${summary.runId}\\s+cancelled`)
        )
    })

    it('stops with RUN_LOCK_LOST (exit 2) when another run takes its lock, leaving that lock alone', async () => {
        const store = path.join(work, 'fresh-store.sqlite')
        const running = startCli(['sync', '--json', '--lock-ttl', '3', '--store', store], slowEnv)
        await running.stderrMatches(/\] clients: /)
        const lock = await dataStoreValue(slow.url, 'lock.all')
        const thief = { ...lock, owner: { user: 'admin', runId: 'the-thief', trigger: 'manual' } }
        // A heartbeat that read the lock just before the theft writes it back once (the dataStore
        // has no compare-and-swap; lock.ts): the thief then takes it again, as a real one would.
        for (let i = 0; i < 10; i++) {
            await putDataStoreValue(slow.url, 'lock.all', thief)
            await new Promise((resolve) => setTimeout(resolve, 300))
            const now: Raw = await dataStoreValue(slow.url, 'lock.all').catch(() => ({}))
            if ((now.owner as Raw | undefined)?.runId === 'the-thief') break
        }
        const result = await running.done
        expect(result).toMatchObject({ code: 2 })
        const summary = parseSummary(result.stdout)
        expect(summary.status).toBe('failed')
        expect(summary.failure).toMatchObject({
            code: 'RUN_LOCK_LOST',
            message: expect.stringMatching(/Another run \(manual, by admin, run the-thief\)/),
        })
        expect(await dataStoreValue(slow.url, 'lock.all')).toEqual(thief)
        const shown = JSON.parse(
            (await runCli(['runs', 'show', summary.runId, '--json'], slowEnv)).stdout
        ) as { summary: Summary }
        expect(shown.summary.failure?.code).toBe('RUN_LOCK_LOST')
    })
})

describe('a dry run with new records waiting in OpenSRP', () => {
    it('leaves them waiting (DHIS2 and the cursors unchanged); the next real run takes them', async () => {
        const clients = (await (
            await fetch(`${opensrp.url}/rest/client/getAll?serverVersion=0&limit=100000`, {
                headers: { Authorization: ADMIN_BASIC },
            })
        ).json()) as Raw[]
        const mother = clients.find(
            (c) => typeof c.locationId !== 'string' && c.voided !== true && c.gender === 'Female'
        )
        const sibling = clients.find((c) => typeof c.locationId === 'string' && c.voided !== true)
        const locationId = String(sibling?.locationId)
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
        const born = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)
        const baseEntityId = randomUUID()
        const child: Raw = {
            ...childClient({ birthdate: born, locationId, gender: 'Female', baseEntityId }),
            relationships: { mother: [String(mother?.baseEntityId)] },
        }
        const events = [
            birthRegistration({ client: child, locationId, eventDate: dhakaMorning(born) }),
            vaccination({
                baseEntityId,
                locationId,
                field: 'bcg',
                parentCode: PARENT_CODE.bcg,
                dose: 1,
                date: yesterday,
            }),
        ]
        const upload = await fetch(`${opensrp.url}/rest/event/add`, {
            method: 'POST',
            headers: { Authorization: ADMIN_BASIC, 'Content-Type': 'application/json' },
            body: JSON.stringify({ clients: [child], events }),
        })
        expect(upload.status).toBe(201)

        const state = await dhis2State(dhis2.url)
        const cursorsBefore = await cursors(dhis2.url)
        expect(Object.keys(cursorsBefore)).toContain('cursor.all.events')
        const dry = await runCli(['sync', '--dry-run', '--json'], env)
        expect([0, 1]).toContain(dry.code)
        expect(parseSummary(dry.stdout).dryRun).toBe(true)
        // What the run would do: the new child's tracked entity and enrollment, its vaccination.
        const wouldCreate = parseSummary(dry.stdout).tracker?.created
        expect(wouldCreate).toBeGreaterThanOrEqual(3)
        expect(await dhis2State(dhis2.url)).toEqual(state)
        expect(await cursors(dhis2.url)).toEqual(cursorsBefore)

        const real = await runCli(['sync', '--json'], env)
        expect([0, 1]).toContain(real.code)
        // The preview counts as the run does: DHIS2's objects, not OpenSRP's records.
        expect(parseSummary(real.stdout).tracker?.created).toBe(wouldCreate)
        expect(counts(await dhis2State(dhis2.url)).trackedEntities).toBe(
            counts(state).trackedEntities + 1
        )
        expect(await cursors(dhis2.url)).not.toEqual(cursorsBefore)
    })
})
