import { ApiRequest, ApiResponse, SandboxUser } from '../contract'
import { ModelContext } from './context'
import { parseOptions } from './dataValueSets/parse'
import { importOptionsJson } from './dataValueSets/respond'
import { applyFields, parseFields } from './fields'
import { JsonRecord, asString, isRecord, records } from './json'
import { commitBundle } from './tracker/commit'
import { trackerMessage } from './tracker/messages'
import { enrolledIn } from './tracker/queryParams'
import { TrackerBundle, parseTrackerPayload } from './tracker/payload'
import { trackedEntityJson } from './tracker/serialize'
import { StoredChildren } from './tracker/storedChildren'
import { validateBundle } from './tracker/validate'
import { TrackerStrategy } from './tracker/validation'
import { conflict, respond, webMessage } from './webMessage'

type Status = 'SUCCESS' | 'WARNING' | 'ERROR'

interface Summary {
    json: JsonRecord
    status: Status
    count: { imported: number; updated: number; ignored: number; deleted: number }
}

/** Legacy names → new tracker names (§3.2 renames), so one validator serves both APIs. */
function enrollmentToTracker(en: JsonRecord, trackedEntity?: string): JsonRecord {
    return {
        enrollment: en.enrollment,
        trackedEntity: asString(en.trackedEntityInstance) ?? trackedEntity,
        program: en.program,
        orgUnit: en.orgUnit,
        status: en.status,
        enrolledAt: en.enrollmentDate,
        occurredAt: en.incidentDate,
        attributes: en.attributes,
    }
}

function strategyOf(query: URLSearchParams): TrackerStrategy {
    const value = query.get('strategy') ?? query.get('importStrategy') ?? 'CREATE_AND_UPDATE'
    return (
        (['CREATE', 'UPDATE', 'DELETE'] as const).find((s) => s === value.toUpperCase()) ??
        'CREATE_AND_UPDATE'
    )
}

/** Imports one object as its own transaction; conflicts as the legacy API lists them. */
function importOne(
    ctx: ModelContext,
    user: SandboxUser,
    bundle: TrackerBundle,
    strategy: TrackerStrategy,
    reference: string
): Summary {
    const v = validateBundle(ctx, user, bundle, strategy)
    if (v.errors.length > 0) {
        const conflicts = v.errors.map((e) => ({
            object: e.args[0] ?? e.uid,
            value: trackerMessage(ctx.minor, e.errorCode, e.args),
        }))
        const count = { imported: 0, updated: 0, ignored: 1, deleted: 0 }
        return {
            status: 'ERROR',
            count,
            json: {
                responseType: 'ImportSummary',
                status: 'ERROR',
                importCount: count,
                conflicts,
                reference,
            },
        }
    }
    const outcome = commitBundle(v)
    const type = bundle.trackedEntities.length > 0 ? outcome.TRACKED_ENTITY : outcome.ENROLLMENT
    const count = {
        imported: type.created.length,
        updated: type.updated.length,
        ignored: 0,
        deleted: type.deleted.length,
    }
    return {
        status: 'SUCCESS',
        count,
        json: {
            responseType: 'ImportSummary',
            status: 'SUCCESS',
            importCount: count,
            conflicts: [],
            reference,
        },
    }
}

function summaries(list: Summary[], withOptions?: JsonRecord): JsonRecord & { status: Status } {
    const status: Status = list.some((s) => s.status === 'ERROR')
        ? 'ERROR'
        : list.some((s) => s.status === 'WARNING')
          ? 'WARNING'
          : 'SUCCESS'
    const sum = (key: keyof Summary['count']) => list.reduce((n, s) => n + s.count[key], 0)
    return {
        responseType: 'ImportSummaries',
        status,
        imported: sum('imported'),
        updated: sum('updated'),
        deleted: sum('deleted'),
        ignored: sum('ignored'),
        ...(withOptions ? { importOptions: withOptions } : {}),
        importSummaries: list.map((s) => s.json),
        total: list.length,
    }
}

function wrap(body: JsonRecord & { status: Status }): ApiResponse {
    if (body.status === 'SUCCESS')
        return respond(200, webMessage(200, 'OK', 'Import was successful.', { response: body }))
    return respond(
        409,
        webMessage(
            409,
            body.status,
            'One or more conflicts encountered, please check import summary.',
            { response: body }
        )
    )
}

function importTeis(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const body = isRecord(request.body) ? request.body : {}
    const teis = Array.isArray(body.trackedEntityInstances)
        ? records(body.trackedEntityInstances)
        : [body]
    const strategy = strategyOf(request.query)
    const options = importOptionsJson(parseOptions(new URLSearchParams(), {}))
    const list = teis.map((tei): Summary => {
        const te = {
            trackedEntity: tei.trackedEntityInstance,
            trackedEntityType: tei.trackedEntityType,
            orgUnit: tei.orgUnit,
            attributes: tei.attributes,
        }
        const bundle = parseTrackerPayload({ trackedEntities: [te] }) ?? {
            trackedEntities: [],
            enrollments: [],
            events: [],
            relationships: [],
        }
        const uid = bundle.trackedEntities[0]?.uid ?? ''
        const summary = importOne(ctx, request.user, bundle, strategy, uid)
        summary.json = {
            ...summary.json,
            importOptions: options,
            href: `${request.baseUrl}/api/trackedEntityInstances/${uid}`,
        }
        const enrollments = records(tei.enrollments)
        if (enrollments.length > 0 && summary.status !== 'ERROR') {
            const results = enrollments.map((en) => {
                const enBundle = parseTrackerPayload({
                    enrollments: [enrollmentToTracker(en, uid)],
                })
                return enBundle
                    ? importOne(
                          ctx,
                          request.user,
                          enBundle,
                          strategy,
                          enBundle.enrollments[0]?.uid ?? ''
                      )
                    : undefined
            })
            const list = results.filter((r): r is Summary => r !== undefined)
            const nested = summaries(list)
            summary.json.enrollments = nested
            if (nested.status !== 'SUCCESS') summary.status = 'WARNING'
            summary.json.status = summary.status
        }
        return summary
    })
    return wrap(summaries(list, options))
}

function importEnrollments(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const body = isRecord(request.body) ? request.body : {}
    const list = (Array.isArray(body.enrollments) ? records(body.enrollments) : [body]).map(
        (en): Summary => {
            const bundle = parseTrackerPayload({ enrollments: [enrollmentToTracker(en)] }) ?? {
                trackedEntities: [],
                enrollments: [],
                events: [],
                relationships: [],
            }
            const uid = bundle.enrollments[0]?.uid ?? ''
            const summary = importOne(ctx, request.user, bundle, strategyOf(request.query), uid)
            summary.json = { ...summary.json, href: `${request.baseUrl}/api/enrollments/${uid}` }
            return summary
        }
    )
    return wrap(summaries(list, importOptionsJson(parseOptions(new URLSearchParams(), {}))))
}

function queryTeis(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query, minor, user } = request
    const ous = query.get('ou')?.split(';').filter(Boolean) ?? []
    const mode = (query.get('ouMode') ?? (ous.length > 0 ? 'SELECTED' : '')).toUpperCase()
    if (ous.length === 0 && !['ACCESSIBLE', 'CAPTURE', 'ALL'].includes(mode))
        return conflict('At least one organisation unit must be specified', minor)
    const program = query.get('program') ?? undefined
    const type = query.get('trackedEntityType') ?? undefined
    if (!program && !type)
        return conflict('Either Program or Tracked entity type should be specified', minor)
    const scope =
        mode === 'CAPTURE'
            ? user.organisationUnits
            : [...user.teiSearchOrganisationUnits, ...user.organisationUnits]
    const inOu = (ou: string) =>
        mode === 'ALL'
            ? true
            : mode === 'ACCESSIBLE' || mode === 'CAPTURE'
              ? ctx.store.isInHierarchy(ou, scope)
              : mode === 'DESCENDANTS'
                ? ctx.store.isInHierarchy(ou, ous)
                : ous.includes(ou)
    const filters = query.getAll('filter').map((f) => f.split(':'))
    const enrolled = enrolledIn(ctx, program)
    const children = new StoredChildren(ctx.state)
    const items = Object.values(ctx.state.trackedEntities)
        .filter((te) => !te.deleted && inOu(te.orgUnit) && (!type || te.trackedEntityType === type))
        .filter((te) => !enrolled || enrolled.has(te.trackedEntity))
        .filter((te) =>
            filters.every(([attribute, op, value]) => {
                const actual = te.attributes
                    .find((a) => a.attribute === attribute)
                    ?.value?.toLowerCase()
                const expected = (value ?? '').toLowerCase()
                if (actual === undefined) return false
                return op?.toUpperCase() === 'LIKE'
                    ? actual.includes(expected)
                    : op?.toUpperCase() === 'IN'
                      ? expected.split(';').includes(actual)
                      : actual === expected
            })
        )
        .map((te) => {
            const json = trackedEntityJson(ctx, te, program, children)
            return {
                trackedEntityInstance: te.trackedEntity,
                trackedEntityType: te.trackedEntityType,
                orgUnit: te.orgUnit,
                created: te.createdAt,
                lastUpdated: te.updatedAt,
                inactive: te.inactive,
                deleted: te.deleted,
                featureType: 'NONE',
                attributes: records(json.attributes).map((a) => ({
                    attribute: a.attribute,
                    code: a.code,
                    displayName: a.displayName,
                    valueType: a.valueType,
                    value: a.value,
                    created: a.createdAt,
                    lastUpdated: a.updatedAt,
                })),
                enrollments: [],
                relationships: [],
                programOwners: json.programOwners,
            }
        })
    const spec = parseFields(
        query.getAll('fields').join(',') || '*,!enrollments,!relationships,!programOwners'
    )
    return respond(200, {
        trackedEntityInstances: items.map((i) => applyFields(i, spec, (_, item) => item)),
    })
}

/** Legacy `/api/trackedEntityInstances` and `/api/enrollments` (§3.4): served up to 2.41 only. */
export function handleLegacy(ctx: ModelContext, request: ApiRequest): ApiResponse | undefined {
    if (ctx.minor >= 42) return undefined
    if (request.path === 'trackedEntityInstances' && request.method === 'POST')
        return importTeis(ctx, request)
    if (request.path === 'trackedEntityInstances' && request.method === 'GET')
        return queryTeis(ctx, request)
    if (request.path === 'enrollments' && request.method === 'POST')
        return importEnrollments(ctx, request)
    return undefined
}
