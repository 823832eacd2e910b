import type { TokenService } from './auth'
import type { Geography } from './geography'
import type { Reply, SandboxRequest } from './http'
import type { SandboxLocation } from './locations'
import type { RecordStore } from './store'

/** What every route sees. */
export interface ServerContext {
    store: RecordStore
    geography: Geography
    locations: SandboxLocation[]
    tokens: TokenService
    baseUrl(): string
    pageSizeCap?: number
}

/** Returns undefined when the path is not the route's, so the server can try others (then 404). */
export type Route = (request: SandboxRequest, context: ServerContext) => Reply | undefined

/** Limit as the resources read it: missing or 0 means 25 (§2.1), then the deployment's cap. */
export function effectiveLimit(limit: number | undefined, cap: number | undefined): number {
    const wanted = limit === undefined || limit === 0 ? 25 : limit
    return cap !== undefined && cap > 0 ? Math.min(wanted, cap) : wanted
}
