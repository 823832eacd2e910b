import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext } from '../context'
import { applyFields, parseFields } from '../fields'
import { JsonRecord } from '../json'
import { badRequest, notFound, respond } from '../webMessage'
import { enrollmentJson, eventJson, trackedEntityJson } from './serialize'
import { StoredChildren } from './storedChildren'
import { enrolledIn, listBody, orgUnitSelection, paging, splitEscaped } from './queryParams'

interface AttributeFilter {
    attribute: string
    operator: string
    value: string
    /** IN: the `;`-separated values, lower-cased once per request rather than once per object. */
    inValues?: Set<string>
}

const identity = (_: string, item: JsonRecord) => item

/** `filter=ATTR:OP:VALUE[:OP:VALUE]`, comma-separated filters from 2.41 (§3.3). */
function parseAttributeFilters(request: ApiRequest): AttributeFilter[] | string {
    const texts = request.query
        .getAll('filter')
        .flatMap((f) => (request.minor >= 41 ? splitEscaped(f, ',') : [f]))
    const filters: AttributeFilter[] = []
    for (const text of texts) {
        const [attribute, ...rest] = splitEscaped(text, ':')
        if (!attribute || rest.length === 0) return `Query item or filter is invalid: ${text}`
        for (let i = 0; i < rest.length; i += 1) {
            const operator = (rest[i] ?? '').toUpperCase()
            if (operator === 'NULL' || operator === '!NULL') {
                filters.push({ attribute, operator, value: '' })
                continue
            }
            const value = rest[i + 1]
            if (value === undefined) return `Query item or filter is invalid: ${text}`
            const inValues =
                operator === 'IN'
                    ? new Set(value.split(';').map((v) => v.toLowerCase()))
                    : undefined
            filters.push({ attribute, operator, value, ...(inValues ? { inValues } : {}) })
            i += 1
        }
    }
    return filters
}

function matches(filter: AttributeFilter, actual: string | undefined): boolean {
    if (filter.operator === 'NULL') return actual === undefined
    if (filter.operator === '!NULL') return actual !== undefined
    if (actual === undefined) return false
    const a = actual.toLowerCase()
    const e = filter.value.toLowerCase()
    const order = () => {
        const numeric = Number(actual) - Number(filter.value)
        return Number.isNaN(numeric) ? a.localeCompare(e) : numeric
    }
    switch (filter.operator) {
        case 'EQ':
        case 'IEQ':
            return a === e
        case 'NE':
        case 'NEQ':
        case 'NIEQ':
            return a !== e
        case 'LIKE':
        case 'ILIKE':
            return a.includes(e)
        case 'NLIKE':
            return !a.includes(e)
        case 'SW':
            return a.startsWith(e)
        case 'EW':
            return a.endsWith(e)
        case 'IN':
            return filter.inValues?.has(a) ?? false
        case 'GT':
            return order() > 0
        case 'GE':
            return order() >= 0
        case 'LT':
            return order() < 0
        case 'LE':
            return order() <= 0
        default:
            return false
    }
}

function blockedOperator(ctx: ModelContext, filter: AttributeFilter): string | undefined {
    const attribute = ctx.store.get('trackedEntityAttributes', filter.attribute)
    const blocked = Array.isArray(attribute?.blockedSearchOperators)
        ? attribute.blockedSearchOperators.map(String)
        : []
    return blocked.includes(filter.operator)
        ? `Operators [${filter.operator}] are blocked for attribute '${filter.attribute}'.`
        : undefined
}

export function queryTrackedEntities(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query, minor } = request
    const program = query.get('program') ?? undefined
    const type = query.get('trackedEntityType') ?? undefined
    const uidParam =
        minor <= 40
            ? query.get('trackedEntity')?.split(';')
            : (
                  query.get('trackedEntities') ?? (minor === 41 ? query.get('trackedEntity') : null)
              )?.split(/[,;]/)
    if (!program && !type && !uidParam)
        return badRequest(
            'Either `program`, `trackedEntityType` or `trackedEntities` should be specified'
        )
    if (program && !ctx.store.get('programs', program))
        return badRequest(`Program is specified but does not exist: ${program}`)
    if (type && !ctx.store.get('trackedEntityTypes', type))
        return badRequest(`Tracked entity type is specified but does not exist: ${type}`)
    const filters = parseAttributeFilters(request)
    if (typeof filters === 'string') return badRequest(filters)
    if (minor >= 43) {
        const blocked = filters.map((f) => blockedOperator(ctx, f)).find(Boolean)
        if (blocked) return badRequest(blocked)
    }
    const selection = orgUnitSelection(ctx, request)
    if ('status' in selection) return selection
    const enrolled = enrolledIn(ctx, program)
    const items = Object.values(ctx.state.trackedEntities)
        .filter((te) => !te.deleted)
        .filter((te) => !uidParam || uidParam.includes(te.trackedEntity))
        .filter((te) => !type || te.trackedEntityType === type)
        .filter((te) => !enrolled || enrolled.has(te.trackedEntity))
        .filter((te) => selection.matches(te.orgUnit))
        .filter((te) =>
            filters.every((f) =>
                matches(f, te.attributes.find((a) => a.attribute === f.attribute)?.value)
            )
        )
    const spec = parseFields(
        query.getAll('fields').join(',') || '*,!relationships,!enrollments,!events,!programOwners'
    )
    const children = new StoredChildren(ctx.state)
    const body = listBody(request, 'trackedEntities', items, paging(query, minor), (te) =>
        applyFields(trackedEntityJson(ctx, te, program, children), spec, identity)
    )
    return respond(200, body)
}

export function queryEnrollments(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query, minor } = request
    const program = query.get('program') ?? undefined
    if (minor >= 43 && !program) return badRequest('Program is mandatory')
    const selection = orgUnitSelection(ctx, request)
    if ('status' in selection) return selection
    const trackedEntity = query.get('trackedEntity') ?? undefined
    const status =
        query.get(minor <= 40 ? 'programStatus' : 'status') ?? query.get('status') ?? undefined
    const items = Object.values(ctx.state.enrollments)
        .filter(
            (en) =>
                !en.deleted &&
                (!program || en.program === program) &&
                (!trackedEntity || en.trackedEntity === trackedEntity)
        )
        .filter((en) => !status || en.status === status)
        .filter((en) => selection.matches(en.orgUnit))
    const spec = parseFields(
        query.getAll('fields').join(',') || '*,!relationships,!events,!attributes'
    )
    const children = new StoredChildren(ctx.state)
    return respond(
        200,
        listBody(request, 'enrollments', items, paging(query, minor), (en) =>
            applyFields(enrollmentJson(ctx, en, children), spec, identity)
        )
    )
}

export function queryEvents(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query, minor } = request
    const program = query.get('program') ?? undefined
    if (minor >= 43 && !program) return badRequest('Program is mandatory')
    const selection = orgUnitSelection(ctx, request)
    if ('status' in selection) return selection
    const stage = query.get('programStage') ?? undefined
    const trackedEntity = query.get('trackedEntity') ?? undefined
    const enrollments =
        query.get('enrollments')?.split(/[,;]/) ?? query.get('enrollment')?.split(';')
    const status = query.get('status') ?? undefined
    const after = query.get('occurredAfter') ?? undefined
    const before = query.get('occurredBefore') ?? undefined
    const items = Object.values(ctx.state.events)
        .filter(
            (ev) =>
                !ev.deleted &&
                (!program || ev.program === program) &&
                (!stage || ev.programStage === stage)
        )
        .filter(
            (ev) =>
                (!trackedEntity || ev.trackedEntity === trackedEntity) &&
                (!enrollments || enrollments.includes(ev.enrollment ?? ''))
        )
        .filter((ev) => (!status || ev.status === status) && selection.matches(ev.orgUnit))
        .filter(
            (ev) =>
                (!after || (ev.occurredAt ?? '') >= after) &&
                (!before || (ev.occurredAt ?? '') <= `${before}T23:59:59.999`)
        )
    const spec = parseFields(query.getAll('fields').join(',') || '*,!relationships')
    return respond(
        200,
        listBody(request, 'events', items, paging(query, minor), (ev) =>
            applyFields(eventJson(ctx, ev), spec, identity)
        )
    )
}

export function getTrackerObject(
    ctx: ModelContext,
    request: ApiRequest,
    kind: string,
    uid: string
): ApiResponse {
    const fields = request.query.getAll('fields').join(',')
    if (kind === 'trackedEntities') {
        const te = ctx.state.trackedEntities[uid]
        if (!te || te.deleted)
            return notFound(`TrackedEntity with id ${uid} could not be found.`, ctx.minor)
        const program = request.query.get('program') ?? undefined
        return respond(
            200,
            applyFields(
                trackedEntityJson(ctx, te, program),
                parseFields(fields || '*,!relationships,!enrollments,!events,!programOwners'),
                identity
            )
        )
    }
    if (kind === 'enrollments') {
        const en = ctx.state.enrollments[uid]
        if (!en || en.deleted)
            return notFound(`Enrollment with id ${uid} could not be found.`, ctx.minor)
        return respond(
            200,
            applyFields(
                enrollmentJson(ctx, en),
                parseFields(fields || '*,!relationships,!events,!attributes'),
                identity
            )
        )
    }
    const ev = ctx.state.events[uid]
    if (!ev || ev.deleted) return notFound(`Event with id ${uid} could not be found.`, ctx.minor)
    return respond(
        200,
        applyFields(eventJson(ctx, ev), parseFields(fields || '*,!relationships'), identity)
    )
}
