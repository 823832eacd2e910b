import { createWriteStream } from 'fs'
import { enrollmentUid, eventUid, trackedEntityUid } from '../../src/core/uid'
import {
    CHILD_PROGRAM,
    CHILD_STAGE,
    MOTHER_STAGE,
    STAGE_DATA_ELEMENT,
    VACCINE_OPTION,
} from '../seed/bdMetadata'
import { arrayAt, objectAt, stringAt } from '../seed/http'
import {
    enrollmentBody,
    kindOf,
    programOf,
    trackedEntityInstanceBody,
} from '../seed/legacyPayloads'
import { clientPages, eventPages } from '../seed/openSrpPages'
import { homeOrgUnit, type OrgUnitTable } from '../seed/orgUnits'

/**
 * /api/tracker payloads for "DHIS2 alone" when the engine's own payloads were not captured: the
 * same clients (tracked entity + enrollment) and vaccinations (program-stage events) the engine
 * writes, with deterministic UIDs, in batches, written to an NDJSON file ({url, body}) before the
 * clock starts so that only DHIS2's import is timed.
 */

const SALT = 'bench-direct-import'
const CONCEPT_DATE = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const ASCII_DATE = /^\d{4}-\d{2}-\d{2}$/
export const DIRECT_IMPORT_URL =
    '/api/tracker?async=false&atomicMode=OBJECT&importStrategy=CREATE_AND_UPDATE'

interface Enrolled {
    trackedEntity: string
    enrollment: string
    program: string
    orgUnit: string
}

export interface DirectPayloadStats {
    batches: number
    trackedEntities: number
    events: number
    skippedClients: number
    skippedEvents: number
}

function vaccineEvents(event: Record<string, unknown>, enrolled: Enrolled) {
    const key = stringAt(event, 'formSubmissionId') ?? stringAt(event, '_id') ?? ''
    const obs = arrayAt(event, 'obs')
    const valueOf = (field: string) => {
        const found = obs.find((o) => stringAt(o, 'formSubmissionField') === field)
        const first = arrayAt(found, 'values')[0]
        return typeof first === 'string' ? first : undefined
    }
    return obs.flatMap((o) => {
        const name = stringAt(o, 'formSubmissionField')?.toLowerCase() ?? ''
        const date = arrayAt(o, 'values')[0]
        const option = VACCINE_OPTION[name.split('_')[0] ?? '']
        if (stringAt(o, 'fieldCode') !== CONCEPT_DATE || !option) return []
        if (typeof date !== 'string' || !ASCII_DATE.test(date)) return []
        const dose = valueOf(`${name}_dose`) ?? name.split('_')[1] ?? '1'
        return [
            {
                event: eventUid(SALT, `${key}|${name}`),
                enrollment: enrolled.enrollment,
                trackedEntity: enrolled.trackedEntity,
                program: enrolled.program,
                programStage: enrolled.program === CHILD_PROGRAM ? CHILD_STAGE : MOTHER_STAGE,
                orgUnit: enrolled.orgUnit,
                status: 'COMPLETED',
                occurredAt: date,
                dataValues: [
                    { dataElement: STAGE_DATA_ELEMENT.vaccine, value: option },
                    { dataElement: STAGE_DATA_ELEMENT.dose, value: dose },
                    { dataElement: STAGE_DATA_ELEMENT.openSrpEventId, value: key },
                ],
            },
        ]
    })
}

export async function writeDirectPayloads(options: {
    opensrpUrl: string
    orgUnits: OrgUnitTable
    file: string
    batchSize: number
}): Promise<DirectPayloadStats> {
    const out = createWriteStream(options.file)
    const stats: DirectPayloadStats = {
        batches: 0,
        trackedEntities: 0,
        events: 0,
        skippedClients: 0,
        skippedEvents: 0,
    }
    const write = (body: Record<string, unknown[]>) => {
        stats.batches++
        out.write(`${JSON.stringify({ url: DIRECT_IMPORT_URL, body: JSON.stringify(body) })}\n`)
    }
    const enrolledById = new Map<string, Enrolled>()
    let trackedEntities: unknown[] = []
    for await (const page of clientPages(options.opensrpUrl)) {
        for (const client of page) {
            const id = stringAt(client, 'baseEntityId')
            const program = programOf(kindOf(client))
            const orgUnit = homeOrgUnit(client, options.orgUnits)
            if (!id || !program || !orgUnit || client.voided === true) {
                stats.skippedClients++
                continue
            }
            const uids: Enrolled = {
                trackedEntity: trackedEntityUid(SALT, id),
                enrollment: enrollmentUid(SALT, id, program),
                program,
                orgUnit,
            }
            enrolledById.set(id, uids)
            const legacy = enrollmentBody(client, uids.trackedEntity, program, orgUnit)
            trackedEntities.push({
                ...trackedEntityInstanceBody(client, orgUnit),
                trackedEntity: uids.trackedEntity,
                enrollments: [
                    {
                        enrollment: uids.enrollment,
                        program,
                        orgUnit,
                        status: 'ACTIVE',
                        enrolledAt: legacy.enrollmentDate,
                        occurredAt: legacy.incidentDate,
                    },
                ],
            })
            stats.trackedEntities++
            if (trackedEntities.length === options.batchSize) {
                write({ trackedEntities })
                trackedEntities = []
            }
        }
    }
    if (trackedEntities.length > 0) write({ trackedEntities })

    const seen = new Set<string>()
    let events: Array<{ event: string }> = []
    for await (const page of eventPages(options.opensrpUrl)) {
        for (const event of page) {
            const enrolled = enrolledById.get(stringAt(event, 'baseEntityId') ?? '')
            const isCopy = stringAt(objectAt(event, 'details'), 'out_of_catchment_provider_id')
            if (
                stringAt(event, 'eventType') !== 'Vaccination' ||
                event.voided === true ||
                isCopy ||
                !enrolled
            ) {
                stats.skippedEvents++
                continue
            }
            for (const built of vaccineEvents(event, enrolled)) {
                if (seen.has(built.event)) continue
                seen.add(built.event)
                events.push(built)
                stats.events++
                if (events.length === options.batchSize) {
                    write({ events })
                    events = []
                }
            }
        }
    }
    if (events.length > 0) write({ events })
    await new Promise<void>((resolve) => out.end(() => resolve()))
    return stats
}
