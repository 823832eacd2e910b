/**
 * The headless runner as ops run it: `node --import tsx src/cli/main.ts …` in a child process,
 * DHIS2's address and the operator's token in the environment, against sandboxes started in this
 * process. Plus reads of DHIS2's state as admin, for comparisons that do not use the app's code.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process'
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

export const ROOT = path.resolve(__dirname, '../..')
const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`

export type Raw = Record<string, unknown>

export interface CliResult {
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
}

export interface CliEnv {
    DHIS2_URL: string
    DHIS2_TOKEN: string
    /** The runner's home: its local stores go under HOME/.opensrp-dhis2. */
    HOME: string
}

export const newHome = () => mkdtempSync(path.join(tmpdir(), 'opensrp-cli-'))

/** Only what the runner needs: no token or URL leaks in from the test's own environment. */
const childEnv = (env: CliEnv) => ({ PATH: process.env.PATH ?? '', TZ: 'Etc/UTC', ...env })

export interface RunningCli {
    child: ChildProcessWithoutNullStreams
    done: Promise<CliResult>
    /** Resolves once stderr matches (progress lines, a waiting note). */
    stderrMatches(pattern: RegExp): Promise<void>
}

export function startCli(args: string[], env: CliEnv): RunningCli {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        cwd: ROOT,
        env: childEnv(env),
    })
    let stdout = ''
    let stderr = ''
    const waiting: Array<{ pattern: RegExp; resolve: () => void }> = []
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8')
        for (const w of [...waiting]) {
            if (!w.pattern.test(stderr)) continue
            waiting.splice(waiting.indexOf(w), 1)
            w.resolve()
        }
    })
    const done = new Promise<CliResult>((resolve) =>
        child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    )
    return {
        child,
        done,
        stderrMatches: (pattern) =>
            pattern.test(stderr)
                ? Promise.resolve()
                : Promise.race([
                      new Promise<void>((resolve) => waiting.push({ pattern, resolve })),
                      done.then((r) => {
                          throw new Error(`exited (${r.code}) before ${pattern}: ${r.stderr}`)
                      }),
                  ]),
    }
}

export const runCli = (args: string[], env: CliEnv) => startCli(args, env).done

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`

/**
 * The runner on a pseudo-terminal (util-linux `script`), as a person at a terminal sees it:
 * stdout and stderr both arrive in `output`, with the terminal's carriage returns.
 */
export function runCliOnTty(
    args: string[],
    env: CliEnv
): Promise<{ code: number | null; output: string }> {
    const command = [process.execPath, '--import', 'tsx', 'src/cli/main.ts', ...args]
        .map(quote)
        .join(' ')
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: childEnv(env) })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })))
}

export async function dhis2Get(dhis2Url: string, resource: string): Promise<Raw> {
    const response = await fetch(`${dhis2Url}/api/${resource}`, {
        headers: { Authorization: ADMIN },
    })
    if (!response.ok)
        throw new Error(`GET ${resource}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Raw
}

async function dhis2Send(dhis2Url: string, method: string, resource: string, body: unknown) {
    const response = await fetch(`${dhis2Url}/api/${resource}`, {
        method,
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    })
    if (!response.ok)
        throw new Error(`${method} ${resource}: ${response.status} ${await response.text()}`)
}

/** The route `npm start` creates (scripts/start.mjs), so the runner reads OpenSRP through DHIS2. */
export const createOpenSrpRoute = (dhis2Url: string, opensrpUrl: string) =>
    dhis2Send(dhis2Url, 'POST', 'routes', {
        name: 'OpenSRP',
        code: 'opensrp',
        url: `${opensrpUrl}/**`,
        auth: { type: 'http-basic', username: 'opensrp-admin', password: 'Admin123' },
        authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
        sharing: { public: '--------' },
    })

const NAMESPACE = 'dataStore/opensrp-connector'

export async function dataStoreKeys(dhis2Url: string): Promise<string[]> {
    const response = await fetch(`${dhis2Url}/api/${NAMESPACE}`, {
        headers: { Authorization: ADMIN },
    })
    if (response.status === 404) return []
    return (await response.json()) as string[]
}

export const dataStoreValue = (dhis2Url: string, key: string) =>
    dhis2Get(dhis2Url, `${NAMESPACE}/${key}`)

export const putDataStoreValue = (dhis2Url: string, key: string, value: unknown) =>
    dhis2Send(dhis2Url, 'PUT', `${NAMESPACE}/${key}`, value)

/** Every cursor in the dataStore, by key. */
export async function cursors(dhis2Url: string): Promise<Record<string, unknown>> {
    const keys = (await dataStoreKeys(dhis2Url)).filter((k) => k.startsWith('cursor.'))
    const entries = await Promise.all(
        keys.map(async (key) => [key, await dataStoreValue(dhis2Url, key)] as const)
    )
    return Object.fromEntries(entries)
}

const TE_TYPE = 'ligA6yGUkYl'
const PROGRAMS = ['C15BBx4PSBf', 'HTqzpjctuad']
const DATA_SETS = ['Qnf0P01U3T1', 'ORjrZOfdUfU']

const listOf = (body: Raw, key: string): Raw[] => {
    const value = body[key] ?? body.instances
    return Array.isArray(value) ? (value as Raw[]) : []
}

const sortedBy = <T>(items: T[], key: (item: T) => string) =>
    [...items].sort((a, b) => key(a).localeCompare(key(b)))

const byAttribute = (values: unknown) =>
    sortedBy(Array.isArray(values) ? (values as Raw[]) : [], (v) =>
        String(v.attribute ?? v.dataElement)
    ).map((v) => `${String(v.attribute ?? v.dataElement)}=${String(v.value)}`)

/** What DHIS2 holds of the connector's data, in a form two servers can be compared by. */
export interface Dhis2State {
    trackedEntities: string[]
    enrollments: string[]
    events: string[]
    dataValues: string[]
}

export async function dhis2State(dhis2Url: string): Promise<Dhis2State> {
    const teBody = await dhis2Get(
        dhis2Url,
        `tracker/trackedEntities?trackedEntityType=${TE_TYPE}&orgUnitMode=ACCESSIBLE&paging=false&fields=trackedEntity,orgUnit,attributes[attribute,value]`
    )
    const trackedEntities = listOf(teBody, 'trackedEntities').map(
        (te) =>
            `${String(te.trackedEntity)} @${String(te.orgUnit)} ${byAttribute(te.attributes).join(' ')}`
    )
    const enrollments: string[] = []
    const events: string[] = []
    for (const program of PROGRAMS) {
        const en = await dhis2Get(
            dhis2Url,
            `tracker/enrollments?program=${program}&orgUnitMode=ACCESSIBLE&paging=false&fields=enrollment,trackedEntity,orgUnit,enrolledAt,occurredAt,status`
        )
        for (const e of listOf(en, 'enrollments'))
            enrollments.push(
                `${String(e.enrollment)} ${program} te=${String(e.trackedEntity)} @${String(e.orgUnit)} ${String(e.enrolledAt).slice(0, 10)} ${String(e.status)}`
            )
        const ev = await dhis2Get(
            dhis2Url,
            `tracker/events?program=${program}&paging=false&fields=event,enrollment,programStage,orgUnit,occurredAt,status,dataValues[dataElement,value]`
        )
        for (const e of listOf(ev, 'events'))
            events.push(
                `${String(e.event)} ${String(e.programStage)} en=${String(e.enrollment)} @${String(e.orgUnit)} ${String(e.occurredAt).slice(0, 10)} ${String(e.status)} ${byAttribute(e.dataValues).join(' ')}`
            )
    }
    const ous = listOf(
        await dhis2Get(dhis2Url, 'organisationUnits?paging=false&fields=id'),
        'organisationUnits'
    ).map((ou) => `orgUnit=${String(ou.id)}`)
    const dataValues: string[] = []
    for (const dataSet of DATA_SETS) {
        const body = await dhis2Get(
            dhis2Url,
            `dataValueSets?dataSet=${dataSet}&${ous.join('&')}&startDate=2000-01-01&endDate=2035-12-31`
        )
        for (const v of listOf(body, 'dataValues'))
            dataValues.push(
                `${String(v.orgUnit)} ${String(v.period)} ${String(v.dataElement)} ${String(v.categoryOptionCombo)} ${String(v.attributeOptionCombo)} = ${String(v.value)}`
            )
    }
    return {
        trackedEntities: trackedEntities.sort(),
        enrollments: enrollments.sort(),
        events: events.sort(),
        dataValues: [...new Set(dataValues)].sort(),
    }
}

export const counts = (state: Dhis2State) => ({
    trackedEntities: state.trackedEntities.length,
    enrollments: state.enrollments.length,
    events: state.events.length,
    dataValues: state.dataValues.length,
})
