import { getJson, stringAt } from '../seed/http'
import { OPENSRP_ADMIN } from '../seed/openSrpPages'

/** How many clients and events the OpenSRP server holds (client/countAll, event/countAll). */
export async function openSrpSize(
    opensrpUrl: string
): Promise<{ clients: number; events: number }> {
    const count = async (path: string) => {
        const reply = await getJson(`${opensrpUrl}${path}?serverVersion=0`, OPENSRP_ADMIN)
        const body = reply.body
        const value =
            typeof body === 'object' && body !== null && 'count' in body ? body.count : undefined
        if (typeof value !== 'number')
            throw new Error(
                `OpenSRP ${path} answered ${reply.status} ${stringAt(body, 'msg') ?? ''}`
            )
        return value
    }
    return {
        clients: await count('/rest/client/countAll'),
        events: await count('/rest/event/countAll'),
    }
}
