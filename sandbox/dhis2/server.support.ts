import type { Dhis2Minor } from './contract'
import type { Dhis2Sandbox } from './server'
import { startDhis2Sandbox } from './server'
import { fetch } from './testUtils'

/**
 * Shared pieces of the shell tests (server.*.test.ts): sandboxes without the BD package that
 * `stopAll` closes after each test, and requests as a browser or the data engine makes them.
 */

const running: Dhis2Sandbox[] = []

export async function start(
    minor: Dhis2Minor,
    extra: Parameters<typeof startDhis2Sandbox>[0] = {}
): Promise<Dhis2Sandbox> {
    const server = await startDhis2Sandbox({ minor, loadBdMetadata: false, ...extra })
    running.push(server)
    return server
}

export async function stopAll(): Promise<void> {
    await Promise.all(running.splice(0).map((server) => server.close()))
}

export const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers })

/** The headers of a data engine request, with an empty Authorization (i.e. none). */
export const engineHeaders = {
    'X-Requested-With': 'XMLHttpRequest',
    Accept: 'application/json',
    Authorization: '',
}
