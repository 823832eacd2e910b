import type {
    TrackerImportOptions,
    TrackerImportResult,
    TrackerTarget,
    TrackerType,
} from '../../core/ports/dhis2Target'
import type { TrackerPayload } from '../../core/tracker/payload'
import { classifyEngineError } from './failures'
import type { LegacyObjectResults } from './legacyImportSummaries'
import { legacyObjectResults } from './legacyImportSummaries'
import { LegacyResult } from './legacyResult'
import { legacyEnrollment, legacyEvent, legacyTrackedEntityInstance } from './legacyPayloads'
import type { TrackerWriterOptions } from './trackerWriter'
import { createTrackerWriter, failedTrackerResult } from './trackerWriter'
import type { Engine, ServerVersion } from './writerEngine'

/**
 * The seed's flow, done properly (reference §3.4): tracked entity instances, then enrollments,
 * then events, each bulk-posted with our deterministic UIDs so that a rerun updates instead of
 * duplicating. For DHIS2 2.38–2.41 only: the endpoints are gone from 2.42.
 */

export const LEGACY_LAST_MINOR = 41
/** Our code for objects the legacy endpoints of this server cannot take. */
export const LEGACY_UNSUPPORTED = 'OSRP_LEGACY_UNSUPPORTED'
/** Not sent because an object it depends on was refused (DHIS2's own code for this). */
const DEPENDENCY_REFUSED = 'E5000'

export class LegacyTrackerUnavailableError extends Error {
    constructor(version: ServerVersion) {
        super(
            `DHIS2 ${version.major}.${version.minor} has no trackedEntityInstances or enrollments endpoints (removed in 2.42): use the /api/tracker writer.`
        )
        this.name = 'LegacyTrackerUnavailableError'
    }
}

const legacyImport = (resource: string) =>
    ({
        type: 'create',
        resource,
        params: (v: Record<string, unknown>) => ({
            strategy: v.strategy === 'DELETE' ? 'DELETE' : 'CREATE_AND_UPDATE',
        }),
        data: (v: Record<string, unknown>) => v.body,
    }) as const

const importTrackedEntityInstances = legacyImport('trackedEntityInstances')
const importEnrollments = legacyImport('enrollments')
const importEvents = legacyImport('events')

type Step =
    | ({ kind: 'done' } & LegacyObjectResults)
    | { kind: 'failed'; result: TrackerImportResult }
    | { kind: 'missing' }

const unsupported = (resource: string) =>
    `This DHIS2 has no legacy /api/${resource} endpoint: use the /api/tracker writer.`

export function createLegacyTrackerWriter(
    engine: Engine,
    version: ServerVersion,
    options: TrackerWriterOptions
): TrackerTarget {
    if (version.major !== 2 || version.minor > LEGACY_LAST_MINOR)
        throw new LegacyTrackerUnavailableError(version)
    // /api/tracker exists on every server the legacy writer serves: dry runs validate there,
    // because the legacy endpoints' `dryRun` is not honoured everywhere, and lookups read there.
    const modern = createTrackerWriter(engine, version, options)

    async function post(
        mutation: ReturnType<typeof legacyImport>,
        body: object,
        trackerType: TrackerType,
        uids: string[],
        strategy: TrackerImportOptions['strategy'],
        signal: AbortSignal | undefined
    ): Promise<Step> {
        let answer: unknown
        try {
            answer = await engine.mutate(mutation, { variables: { body, strategy }, signal })
        } catch (error) {
            const classified = classifyEngineError(error, signal)
            if (classified.status === 404) return { kind: 'missing' }
            if (classified.kind === 'failure')
                return { kind: 'failed', result: failedTrackerResult(classified.failure) }
            answer = classified.body
        }
        const results = legacyObjectResults(answer, trackerType, uids)
        if (results) return { kind: 'done', ...results }
        return {
            kind: 'failed',
            result: failedTrackerResult({
                kind: 'rejected',
                message: `DHIS2 answered the ${mutation.resource} import without import summaries.`,
                retryable: false,
                code: 'DHIS2_UNEXPECTED_ANSWER',
            }),
        }
    }

    async function importLegacy(
        payload: TrackerPayload,
        { strategy, signal }: TrackerImportOptions
    ): Promise<TrackerImportResult> {
        const result = new LegacyResult()
        const stages = [
            {
                type: 'TRACKED_ENTITY' as const,
                mutation: importTrackedEntityInstances,
                objects: payload.trackedEntities.map((te) => ({
                    uid: te.trackedEntity,
                    parents: [],
                    json: legacyTrackedEntityInstance(te),
                })),
                wrap: (list: object[]) => ({ trackedEntityInstances: list }),
            },
            {
                type: 'ENROLLMENT' as const,
                mutation: importEnrollments,
                objects: payload.enrollments.map((en) => ({
                    uid: en.enrollment,
                    parents: [en.trackedEntity],
                    json: legacyEnrollment(en),
                })),
                wrap: (list: object[]) => ({ enrollments: list }),
            },
            {
                type: 'EVENT' as const,
                mutation: importEvents,
                objects: payload.events.map((ev) => ({
                    uid: ev.event,
                    parents: [ev.trackedEntity, ev.enrollment],
                    json: legacyEvent(ev),
                })),
                wrap: (list: object[]) => ({ events: list }),
            },
        ]
        for (const stage of stages) {
            const ready = stage.objects.filter((o) => {
                const parent = o.parents.find((p) => result.isRefused(p))
                if (parent === undefined) return true
                result.refuse(
                    stage.type,
                    o.uid,
                    DEPENDENCY_REFUSED,
                    `Not sent: \`${parent}\`, which it belongs to, was refused.`
                )
                return false
            })
            if (ready.length === 0) continue
            const uids = ready.map((o) => o.uid)
            const body = stage.wrap(ready.map((o) => o.json))
            const step = await post(stage.mutation, body, stage.type, uids, strategy, signal)
            if (step.kind === 'failed') return step.result
            if (step.kind === 'missing') {
                const message = unsupported(stage.mutation.resource)
                for (const uid of uids) result.refuse(stage.type, uid, LEGACY_UNSUPPORTED, message)
            } else result.add(step)
        }
        for (const r of payload.relationships)
            result.refuse(
                'RELATIONSHIP',
                r.relationship,
                LEGACY_UNSUPPORTED,
                'The legacy writer does not send relationships: use the /api/tracker writer.'
            )
        return result.finish()
    }

    async function deleteLegacyEvents(
        uids: string[],
        signal: AbortSignal | undefined
    ): Promise<TrackerImportResult> {
        const result = new LegacyResult()
        const body = { events: uids.map((event) => ({ event })) }
        const step = await post(importEvents, body, 'EVENT', uids, 'DELETE', signal)
        if (step.kind === 'failed') return step.result
        if (step.kind === 'done') result.add(step)
        else
            for (const uid of uids)
                result.refuse('EVENT', uid, LEGACY_UNSUPPORTED, unsupported('events'))
        return result.finish()
    }

    return {
        kind: 'legacy',
        importTracker: (payload, importOptions) =>
            importOptions.dryRun
                ? modern.importTracker(payload, importOptions)
                : importLegacy(payload, importOptions),
        deleteEvents: (uids, deleteOptions) =>
            deleteOptions.dryRun
                ? modern.deleteEvents(uids, deleteOptions)
                : deleteLegacyEvents(uids, deleteOptions.signal),
        findTrackedEntitiesByAttribute: (query, lookupOptions) =>
            modern.findTrackedEntitiesByAttribute(query, lookupOptions),
    }
}
