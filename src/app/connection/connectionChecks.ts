import { OpenSrpError } from '../../adapters/opensrp/errors'
import { createOpenSrpSource } from '../../adapters/opensrp/source'
import type { OpenSrpTransport } from '../../adapters/opensrp/transport'
import type { EventSelection } from '../../core/ports/openSrpSource'

export type CheckName = 'events-count' | 'clients-count' | 'locations' | 'events-read'

export type CheckResult =
    | { name: CheckName; ok: true; count?: number }
    | { name: CheckName; ok: false; error: OpenSrpError }
    /** Not tried: an earlier failure makes its answer certain (the route is missing, …). */
    | { name: CheckName; ok: 'skipped' }

/** Failures that every later request would repeat: no point asking again. */
const STOPS_EVERYTHING: ReadonlySet<string> = new Set([
    'route-missing',
    'route-forbidden',
    'credentials-rejected',
    'network',
    'timeout',
    'login-page',
    'not-json',
    'aborted',
])

function countOf(answer: unknown): number | undefined {
    if (typeof answer !== 'object' || answer === null) return undefined
    const count: unknown = Reflect.get(answer, 'count')
    return typeof count === 'number' ? count : undefined
}

const asOpenSrpError = (error: unknown): OpenSrpError =>
    error instanceof OpenSrpError
        ? error
        : new OpenSrpError('network', error instanceof Error ? error.message : String(error))

/**
 * What "Test connection" asks OpenSRP, in order: can it be reached with these credentials (event
 * count, OPENMRS role), clients, locations (getAll: ALL_EVENTS), and one page of events read the
 * way a run reads them. Each answer is kept so the verdict can say what works and what does not.
 */
export async function runConnectionChecks(
    transport: OpenSrpTransport,
    selection: EventSelection,
    signal?: AbortSignal
): Promise<CheckResult[]> {
    const source = createOpenSrpSource(transport)
    const steps: Array<[CheckName, () => Promise<number | undefined>]> = [
        [
            'events-count',
            async () =>
                countOf(
                    await transport.request({
                        method: 'GET',
                        path: '/rest/event/countAll',
                        params: { serverVersion: 0 },
                        signal,
                    })
                ),
        ],
        [
            'clients-count',
            async () =>
                countOf(
                    await transport.request({
                        method: 'GET',
                        path: '/rest/client/countAll',
                        params: { serverVersion: 0 },
                        signal,
                    })
                ),
        ],
        [
            'locations',
            async () => {
                const answer = await transport.request({
                    method: 'GET',
                    path: '/rest/location/getAll',
                    params: { serverVersion: 0, limit: 1 },
                    signal,
                })
                if (!Array.isArray(answer)) {
                    throw new OpenSrpError(
                        'not-json',
                        'OpenSRP answered the locations without a list.'
                    )
                }
                return undefined
            },
        ],
        [
            'events-read',
            async () => {
                await source.checkConnection(selection, { signal })
                return undefined
            },
        ],
    ]
    const results: CheckResult[] = []
    let stopped = false
    for (const [name, step] of steps) {
        if (stopped) {
            results.push({ name, ok: 'skipped' })
            continue
        }
        try {
            const count = await step()
            results.push(count === undefined ? { name, ok: true } : { name, ok: true, count })
        } catch (error) {
            const failure = asOpenSrpError(error)
            results.push({ name, ok: false, error: failure })
            stopped = STOPS_EVERYTHING.has(failure.code)
        }
    }
    return results
}
