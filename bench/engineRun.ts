/**
 * The one seam between the benchmark and the engine: a full sync from the OpenSRP server at
 * `opensrpUrl` into the DHIS2 server at `dhis2Url`, run in this process so that its CPU time and
 * heap are what the benchmark measures. compare.ts and memory.ts call it with the counting
 * proxies' URLs, so every request the engine sends is counted there.
 *
 * Wired to the headless runner as `npm run cli -- init` and `npm run cli -- sync` compose it
 * (src/cli/commands/{init,sync}.ts over src/adapters/runner/runConnector.ts): the same functions,
 * called in-process with the same flags, their stdout (the --json summary) and stderr (progress)
 * captured instead of printed. They are imported when first called, so that the seed and "DHIS2
 * alone" still run while the engine's code is mid-change.
 */
import path from 'path'

export interface EngineRunOptions {
    dhis2Url: string
    opensrpUrl: string
    /** The sandbox `operator`'s personal access token (what a headless runner uses). */
    dhis2Token: string
    /** DHIS2 Basic credentials, for a runner configured with a user instead of a token. */
    dhis2Credentials: { username: string; password: string }
    opensrpCredentials: { username: string; password: string }
    /** A fresh, empty directory for the engine's local store (SQLite). */
    workDir: string
}

export interface EngineRunResult {
    /** Requests the engine itself counted, if it counts them (the proxies count regardless). */
    requests?: number
    clientsRead?: number
    eventsRead?: number
    /** Records DHIS2 confirmed, and records that ended as per-record failures. */
    synced?: number
    failed?: number
    /** Anything else worth keeping in the results file (the run summary, say). */
    details?: Record<string, unknown>
}

interface Captured<T> {
    value: T
    stdout: string
    stderr: string
}

/** Runs a CLI command with its output kept, not printed (the benchmark prints its own). */
async function captureOutput<T>(run: () => Promise<T>): Promise<Captured<T>> {
    const out = { stdout: '', stderr: '' }
    const writeOut = process.stdout.write
    const writeErr = process.stderr.write
    const keep =
        (stream: 'stdout' | 'stderr'): typeof process.stdout.write =>
        (chunk: string | Uint8Array, ...rest: unknown[]) => {
            out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
            const callback = rest.find((arg) => typeof arg === 'function')
            if (typeof callback === 'function') callback()
            return true
        }
    process.stdout.write = keep('stdout')
    process.stderr.write = keep('stderr')
    try {
        const value = await run()
        return { value, ...out }
    } finally {
        process.stdout.write = writeOut
        process.stderr.write = writeErr
    }
}

const connection = (options: EngineRunOptions) => [
    '--dhis2-url',
    options.dhis2Url,
    '--dhis2-token',
    options.dhis2Token,
    '--json',
]

const lastLine = (text: string) => text.trim().split('\n').pop() ?? ''

/**
 * Installs the connector's settings and the BD mappings in DHIS2's dataStore (`init --template
 * bd`): done once per installation, so outside the timed sync.
 */
export async function prepareEngine(options: EngineRunOptions): Promise<void> {
    const { initCommand } = await import('../src/cli/commands/init')
    const {
        value: code,
        stdout,
        stderr,
    } = await captureOutput(() => initCommand(connection(options), {}))
    if (code !== 0) throw new Error(`init exited with ${code}: ${lastLine(stderr || stdout)}`)
}

const numberAt = (value: unknown, key: string): number => {
    if (typeof value !== 'object' || value === null || !(key in value)) return 0
    const field: unknown = Object.entries(value).find(([k]) => k === key)?.[1]
    return typeof field === 'number' ? field : 0
}

const fieldOf = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null
        ? Object.entries(value).find(([k]) => k === key)?.[1]
        : undefined

/** `sync` as a scheduled headless run would do it, reading OpenSRP directly. */
export async function runEngineSync(options: EngineRunOptions): Promise<EngineRunResult> {
    const { syncCommand } = await import('../src/cli/commands/sync')
    const {
        value: code,
        stdout,
        stderr,
    } = await captureOutput(() =>
        syncCommand(
            [
                ...connection(options),
                '--scheduled',
                '--opensrp-url',
                options.opensrpUrl,
                '--opensrp-user',
                options.opensrpCredentials.username,
                '--opensrp-password',
                options.opensrpCredentials.password,
                '--store',
                path.join(options.workDir, 'store.sqlite'),
            ],
            {}
        )
    )
    let summary: unknown
    try {
        summary = JSON.parse(lastLine(stdout))
    } catch {
        throw new Error(`sync exited with ${code} without a summary: ${lastLine(stderr)}`)
    }
    if (code === 2) throw new Error(`sync failed: ${JSON.stringify(fieldOf(summary, 'failure'))}`)
    const tracker = fieldOf(summary, 'tracker')
    const aggregate = fieldOf(summary, 'aggregate')
    const errors = fieldOf(summary, 'errors')
    return {
        synced:
            numberAt(tracker, 'created') +
            numberAt(tracker, 'updated') +
            numberAt(tracker, 'deleted') +
            numberAt(aggregate, 'written'),
        failed: numberAt(tracker, 'failed') + numberAt(aggregate, 'failed'),
        details: {
            exitCode: code,
            status: fieldOf(summary, 'status'),
            tracker,
            aggregate,
            errors: Array.isArray(errors) ? errors.slice(0, 20) : errors,
            errorCount: Array.isArray(errors) ? errors.length : 0,
            // The plain progress lines (one per phase, one every few seconds): when each phase began.
            progress: stderr.trim().split('\n').slice(-400),
        },
    }
}
