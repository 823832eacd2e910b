import { ApiRequest, ApiResponse, Dhis2Minor } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, refId } from '../json'
import { badRequest } from '../webMessage'

export interface OrgUnitSelection {
    matches(orgUnit: string): boolean
}

/** Splits on `separator` unless escaped with `/` (§3.3). */
export function splitEscaped(text: string, separator: string): string[] {
    const parts: string[] = []
    let current = ''
    for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i)
        if (ch === '/' && i + 1 < text.length) {
            current += text.charAt(++i)
            continue
        }
        if (ch === separator) {
            parts.push(current)
            current = ''
        } else current += ch
    }
    parts.push(current)
    return parts
}

/**
 * Org unit parameters per version (§3.3): `orgUnit` (`;`) + `ouMode` on 2.38–2.40; `orgUnits` +
 * `orgUnitMode` on 2.41 with the old names still accepted; only the new names from 2.42.
 */
export function orgUnitSelection(
    ctx: ModelContext,
    request: ApiRequest
): OrgUnitSelection | ApiResponse {
    const { query, minor, user } = request
    let ids: string[] = []
    let mode: string | undefined
    const oldIds = query.get('orgUnit')?.split(';').filter(Boolean)
    const newIds = query.get('orgUnits')?.split(',').filter(Boolean)
    if (minor <= 40) {
        ids = oldIds ?? []
        mode = query.get('ouMode') ?? undefined
    } else if (minor === 41) {
        if (oldIds && newIds)
            return badRequest(
                "Only one parameter of 'orgUnit' and 'orgUnits' must be specified. Prefer 'orgUnits' as 'orgUnit' will be removed."
            )
        if (query.get('ouMode') && query.get('orgUnitMode'))
            return badRequest(
                "Only one parameter of 'ouMode' and 'orgUnitMode' must be specified. Prefer 'orgUnitMode' as 'ouMode' will be removed."
            )
        ids = newIds ?? oldIds ?? []
        mode = query.get('orgUnitMode') ?? query.get('ouMode') ?? undefined
    } else {
        ids = newIds ?? []
        mode = query.get('orgUnitMode') ?? undefined
    }
    for (const id of ids)
        if (!ctx.store.get('organisationUnits', id))
            return badRequest(`Organisation unit does not exist: ${id}`)
    const searchScope = [...user.teiSearchOrganisationUnits, ...user.organisationUnits]
    const outside = ids.find((id) => !ctx.store.isInHierarchy(id, searchScope))
    if (outside) return respondForbidden(`User does not have access to orgUnit: ${outside}`)
    const effective = (mode ?? (ids.length > 0 ? 'SELECTED' : 'ACCESSIBLE')).toUpperCase()
    const inScope = (ou: string) => ctx.store.isInHierarchy(ou, searchScope)
    switch (effective) {
        case 'DESCENDANTS':
            return { matches: (ou) => ctx.store.isInHierarchy(ou, ids) }
        case 'CHILDREN':
            return {
                matches: (ou) =>
                    ids.includes(ou) ||
                    ids.includes(refId(ctx.store.get('organisationUnits', ou)?.parent) ?? ''),
            }
        case 'CAPTURE':
            return { matches: (ou) => ctx.store.isInHierarchy(ou, user.organisationUnits) }
        case 'ALL':
            return { matches: () => true }
        case 'ACCESSIBLE':
            return { matches: inScope }
        default:
            return { matches: (ou) => ids.includes(ou) }
    }
}

function respondForbidden(message: string): ApiResponse {
    return {
        status: 403,
        body: { httpStatus: 'Forbidden', httpStatusCode: 403, status: 'ERROR', message },
    }
}

export interface Paging {
    paged: boolean
    page: number
    pageSize: number
}

export function paging(query: URLSearchParams, minor: Dhis2Minor): Paging {
    const unpaged =
        minor <= 40
            ? query.get('skipPaging') === 'true' || query.get('paging') === 'false'
            : query.get('paging') === 'false'
    const page = Math.max(1, Number(query.get('page') ?? '1') || 1)
    const pageSize = Math.max(1, Number(query.get('pageSize') ?? '50') || 50)
    return { paged: !unpaged, page, pageSize }
}

/**
 * List bodies per version (§3.3 table; fixtures trackedEntities-query-2.40/2.41.json); only the
 * items of the page are rendered.
 */
export function listBody<T>(
    request: ApiRequest,
    key: string,
    items: T[],
    p: Paging,
    render: (item: T) => JsonRecord
): JsonRecord {
    const { minor } = request
    const slice = (
        p.paged ? items.slice((p.page - 1) * p.pageSize, p.page * p.pageSize) : items
    ).map(render)
    if (minor <= 40)
        return p.paged
            ? { page: p.page, pageSize: p.pageSize, instances: slice }
            : { instances: slice }
    if (!p.paged) return { [key]: slice }
    const total =
        request.query.get('totalPages') === 'true'
            ? { total: items.length, pageCount: Math.max(1, Math.ceil(items.length / p.pageSize)) }
            : {}
    if (minor === 41)
        return {
            pager: { page: p.page, pageSize: p.pageSize, ...total },
            page: p.page,
            pageSize: p.pageSize,
            ...total,
            [key]: slice,
        }
    const link = (page: number) => {
        const params = new URLSearchParams(request.query)
        params.set('page', String(page))
        return `${request.baseUrl}/api/${request.path}?${params.toString()}`
    }
    return {
        pager: {
            page: p.page,
            pageSize: p.pageSize,
            ...total,
            ...(p.page > 1 ? { prevPage: link(p.page - 1) } : {}),
            ...(p.page * p.pageSize < items.length ? { nextPage: link(p.page + 1) } : {}),
        },
        [key]: slice,
    }
}

/**
 * The tracked entities with a live enrollment in `program`, read once per query (undefined: no
 * program filter).
 */
export function enrolledIn(
    ctx: ModelContext,
    program: string | undefined
): Set<string> | undefined {
    if (!program) return undefined
    const enrolled = new Set<string>()
    for (const en of Object.values(ctx.state.enrollments)) {
        if (en.program === program && !en.deleted) enrolled.add(en.trackedEntity)
    }
    return enrolled
}
