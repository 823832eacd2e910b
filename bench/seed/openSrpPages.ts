import { arrayAt, getJson, isObject, type BasicCredentials } from './http'

/**
 * Pages over OpenSRP's `getAll` endpoints (reference opensrp-api.md §2.2, §2.3). The seed read
 * one capped page of 1000 rows with no paging (defect 3); here every page is read, in
 * serverVersion order. client/getAll filters with `>=` (so the next page starts at last + 1),
 * event/getAll with `>` (so it starts at last).
 */

export const OPENSRP_ADMIN: BasicCredentials = { username: 'opensrp-admin', password: 'Admin123' }
export const PAGE_SIZE = 1000

export type Page = Array<Record<string, unknown>>

const serverVersionOf = (record: Record<string, unknown>): number =>
    typeof record.serverVersion === 'number' ? record.serverVersion : 0

async function* pages(
    read: (serverVersion: number) => Promise<unknown[]>,
    nextFrom: (last: number) => number,
    pageSize: number
): AsyncGenerator<Page> {
    let serverVersion = 0
    for (;;) {
        const page = (await read(serverVersion)).filter(isObject)
        if (page.length > 0) yield page
        if (page.length < pageSize) return
        const last = page.reduce((max, r) => Math.max(max, serverVersionOf(r)), serverVersion)
        serverVersion = nextFrom(last)
    }
}

export function clientPages(opensrpUrl: string, pageSize = PAGE_SIZE): AsyncGenerator<Page> {
    return pages(
        async (serverVersion) => {
            const reply = await getJson(
                `${opensrpUrl}/rest/client/getAll?serverVersion=${serverVersion}&limit=${pageSize}`,
                OPENSRP_ADMIN
            )
            if (reply.status !== 200 || !Array.isArray(reply.body))
                throw new Error(`OpenSRP client/getAll answered ${reply.status}`)
            return reply.body
        },
        (last) => last + 1,
        pageSize
    )
}

export function eventPages(opensrpUrl: string, pageSize = PAGE_SIZE): AsyncGenerator<Page> {
    return pages(
        async (serverVersion) => {
            const reply = await getJson(
                `${opensrpUrl}/rest/event/getAll?serverVersion=${serverVersion}&limit=${pageSize}`,
                OPENSRP_ADMIN
            )
            if (reply.status !== 200 || !isObject(reply.body))
                throw new Error(`OpenSRP event/getAll answered ${reply.status}`)
            return arrayAt(reply.body, 'events')
        },
        (last) => last,
        pageSize
    )
}
