import type { TrackerMapping } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'
import type { RecordError } from '../summary/types'
import { enrollmentDates } from './enrollmentDates'
import { mappingErrors, type MappingProblem } from './errors'
import { homeOrgUnitOf, type OrgUnitLookups } from './homeOrgUnit'
import { attributeMappingsFor, mapAttributes } from './mapAttributes'
import type { EnrollmentPayload, RelationshipPayload, TrackedEntityPayload } from './payload'
import { motherIdOf } from './readValue'
import { clientEnrollmentUid, clientTrackedEntityUid, rememberedUid } from './rememberedUids'
import { selectPrograms, type SelectionHints } from './selectPrograms'

export interface ClientPayloadContext extends OrgUnitLookups {
    /** ConnectorSettings.uidSalt. */
    salt: string
    /** ConnectorSettings.timeZone: date-times with an offset are read in it. */
    timeZone: string
    /** yyyy-MM-dd in `timeZone`, from the clock port: later dates are errors. */
    today: string
    mapping: TrackerMapping
    /** The client's mother, for `mother` value sources (mother's name, phone). */
    mother?: OpenSrpClient
    hints?: SelectionHints
}

export type ClientSkipReason = 'voided' | 'no-program'

export type ClientPayloadResult =
    | {
          outcome: 'built'
          trackedEntity: TrackedEntityPayload
          enrollments: EnrollmentPayload[]
          relationships: RelationshipPayload[]
      }
    /** Nothing to send, by design; counted as skipped, with why. */
    | { outcome: 'skipped'; reason: ClientSkipReason; message: string }
    | { outcome: 'failed'; errors: RecordError[] }

/** The deterministic UID of the mother → child relationship (DESIGN §3.1). */
export const motherChildRelationshipUid = (
    salt: string,
    relationshipType: string,
    motherId: string,
    childId: string
) => rememberedUid(salt, 'relationship', relationshipType, motherId, childId)

function motherChildRelationship(
    client: OpenSrpClient,
    ctx: ClientPayloadContext
): RelationshipPayload[] {
    const type = ctx.mapping.motherChildRelationshipType
    const motherId = motherIdOf(client)
    // A voided mother (a duplicate registration) has no tracked entity to point at.
    if (!type || motherId === undefined || ctx.mother?.voided) return []
    return [
        {
            relationship: motherChildRelationshipUid(ctx.salt, type, motherId, client.baseEntityId),
            relationshipType: type,
            from: { trackedEntity: { trackedEntity: clientTrackedEntityUid(ctx.salt, motherId) } },
            to: {
                trackedEntity: {
                    trackedEntity: clientTrackedEntityUid(ctx.salt, client.baseEntityId),
                },
            },
        },
    ]
}

/**
 * One OpenSRP client → its tracked entity, one enrollment per program it goes to, and the
 * mother → child relationship where the metadata has one. UIDs are derived from baseEntityId, so
 * the same client always lands on the same DHIS2 objects (DESIGN §3.1). Every problem the client
 * has is reported at once, so one fix in OpenSRP is enough.
 */
export function buildClientPayload(
    client: OpenSrpClient,
    ctx: ClientPayloadContext
): ClientPayloadResult {
    const sourceId = client.baseEntityId.trim() || client.id
    if (client.voided) {
        return {
            outcome: 'skipped',
            reason: 'voided',
            message: `Client ${sourceId} is voided in OpenSRP (e.g. a duplicate registration).`,
        }
    }
    const programs = selectPrograms(client, ctx.mapping, ctx.hints)
    if (programs.length === 0) {
        return {
            outcome: 'skipped',
            reason: 'no-program',
            message: `Client ${sourceId} matches no program of the tracker mapping (neither a child nor a woman by its rules).`,
        }
    }
    const problems: MappingProblem[] = []
    if (!client.baseEntityId.trim()) {
        problems.push({ code: 'OSRP_MISSING_VALUE', message: 'The client has no baseEntityId.' })
    }
    const home = homeOrgUnitOf(client, ctx.mapping, ctx)
    if (!home.ok) problems.push({ code: home.code, message: home.message })
    const orgUnit = home.ok ? home.orgUnit.id : undefined

    // Adoption and uniqueness hang on the OpenSRP ID: it is mandatory whatever the mapping says.
    const mappings = attributeMappingsFor(ctx.mapping, programs).map((entry) =>
        entry.attribute === ctx.mapping.idAttribute ? { ...entry, mandatory: true } : entry
    )
    if (!mappings.some((entry) => entry.attribute === ctx.mapping.idAttribute)) {
        problems.push({
            code: 'OSRP_MISSING_VALUE',
            message: `The tracker mapping gives no value for the OpenSRP ID attribute ${ctx.mapping.idAttribute}.`,
        })
    }
    const mapped = mapAttributes(client, mappings, {
        timeZone: ctx.timeZone,
        ...(ctx.mother ? { mother: ctx.mother } : {}),
    })
    problems.push(...mapped.problems)

    const enrollments: EnrollmentPayload[] = []
    const teUid = clientTrackedEntityUid(ctx.salt, client.baseEntityId)
    for (const program of programs) {
        const dates = enrollmentDates(client, program, ctx.timeZone, ctx.today)
        if (!dates.ok) {
            for (const problem of dates.problems)
                if (!problems.some((p) => p.message === problem.message)) problems.push(problem)
            continue
        }
        enrollments.push({
            enrollment: clientEnrollmentUid(ctx.salt, client.baseEntityId, program.program),
            trackedEntity: teUid,
            program: program.program,
            orgUnit: orgUnit ?? '',
            status: 'ACTIVE',
            enrolledAt: dates.enrolledAt,
            ...(dates.occurredAt !== undefined ? { occurredAt: dates.occurredAt } : {}),
        })
    }

    if (problems.length > 0 || orgUnit === undefined) {
        return { outcome: 'failed', errors: mappingErrors('client', sourceId, problems, orgUnit) }
    }
    return {
        outcome: 'built',
        trackedEntity: {
            trackedEntity: teUid,
            trackedEntityType: ctx.mapping.trackedEntityType,
            orgUnit,
            attributes: mapped.attributes,
        },
        enrollments,
        relationships: motherChildRelationship(client, ctx),
    }
}
