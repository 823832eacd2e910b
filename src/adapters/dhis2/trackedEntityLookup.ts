import { z } from 'zod'
import type { FoundTrackedEntity } from '../../core/ports/dhis2Target'
import { throwIfAborted, toRequestError } from './failures'
import type { Engine, ServerVersion } from './writerEngine'

/**
 * GET /api/tracker/trackedEntities by a unique attribute (reference §3.3): `filter=ATTR:IN:a;b`,
 * every page read, the list under `instances` (2.38–2.40) or `trackedEntities` (2.41+).
 */

const PAGE_SIZE = 100
/** Values per request: keeps URLs short (DHIS2 behind proxies limits them to a few KB). */
const VALUES_PER_REQUEST = 50
/** A server that ignores paging would otherwise be read forever. */
const MAX_PAGES = 10_000

/** Org unit scope per version: `ouMode` to 2.40, `orgUnitMode` on 2.41; 2.42+ defaults to ACCESSIBLE. */
function orgUnitScope(minor: number): Record<string, string> {
    if (minor <= 40) return { ouMode: 'ACCESSIBLE' }
    if (minor === 41) return { orgUnitMode: 'ACCESSIBLE' }
    return {}
}

const trackedEntitiesQuery = {
    list: {
        resource: 'tracker/trackedEntities',
        params: (v: Record<string, unknown>) => ({
            trackedEntityType: String(v.trackedEntityType),
            filter: [String(v.filter)],
            fields: 'trackedEntity,orgUnit,attributes[attribute,value],enrollments[enrollment,program]',
            page: Number(v.page),
            pageSize: PAGE_SIZE,
            ...orgUnitScope(Number(v.minor)),
        }),
    },
}

const item = z.object({
    trackedEntity: z.string(),
    orgUnit: z.string(),
    attributes: z
        .array(z.object({ attribute: z.string(), value: z.string().optional() }))
        .optional(),
    enrollments: z.array(z.object({ enrollment: z.string(), program: z.string() })).optional(),
})

const page = z.object({
    trackedEntities: z.array(item).optional(),
    instances: z.array(item).optional(),
})

/** `:` `,` `/` are escaped with `/` in filter values (2.41+; older servers take `/x` as `x`). */
export const escapeFilterValue = (value: string) => value.replace(/[/:,]/g, (c) => `/${c}`)

/** The `filter` for a group of values: IN when they can be `;`-joined, EQ for one that holds `;`. */
export function filtersFor(attribute: string, values: readonly string[]): string[] {
    const plain = values.filter((v) => !v.includes(';'))
    const filters: string[] = []
    for (let i = 0; i < plain.length; i += VALUES_PER_REQUEST) {
        const group = plain.slice(i, i + VALUES_PER_REQUEST).map(escapeFilterValue)
        filters.push(`${attribute}:IN:${group.join(';')}`)
    }
    for (const value of values.filter((v) => v.includes(';')))
        filters.push(`${attribute}:EQ:${escapeFilterValue(value)}`)
    return filters
}

export async function findTrackedEntitiesByAttribute(
    engine: Engine,
    version: ServerVersion,
    query: { trackedEntityType: string; attribute: string; values: string[] },
    signal?: AbortSignal
): Promise<FoundTrackedEntity[]> {
    const wanted = new Set(query.values)
    const found = new Map<string, FoundTrackedEntity>()
    for (const filter of filtersFor(query.attribute, [...wanted])) {
        for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
            throwIfAborted(signal)
            let data: unknown
            try {
                const result = await engine.query(trackedEntitiesQuery, {
                    variables: {
                        trackedEntityType: query.trackedEntityType,
                        filter,
                        page: pageNumber,
                        minor: version.minor,
                    },
                    signal,
                })
                data = result.list
            } catch (error) {
                throw toRequestError(error, signal)
            }
            const parsed = page.safeParse(data)
            if (!parsed.success)
                throw toRequestError(new SyntaxError('tracked entities list not readable'), signal)
            const items = parsed.data.trackedEntities ?? parsed.data.instances ?? []
            for (const te of items) {
                // DHIS2 compares case-insensitively; we adopt only exact matches.
                const value = te.attributes?.find((a) => a.attribute === query.attribute)?.value
                if (value === undefined || !wanted.has(value)) continue
                found.set(te.trackedEntity, {
                    trackedEntity: te.trackedEntity,
                    orgUnit: te.orgUnit,
                    value,
                    enrollments: (te.enrollments ?? []).map((e) => ({
                        enrollment: e.enrollment,
                        program: e.program,
                    })),
                })
            }
            if (items.length < PAGE_SIZE) break
        }
    }
    return [...found.values()]
}
