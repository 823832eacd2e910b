import type { AntigenRule, Mappings, TrackerMapping } from '../config/types'
import { localDateOf } from '../dates'
import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import {
    eventKeyOf,
    isOutOfAreaDeviceCopy,
    isOutOfAreaHomeCopy,
    OUT_OF_AREA_SERVICE_EVENT,
    readVaccination,
    VACCINATION_EVENT,
    VOID_EVENT,
} from '../opensrp/vaccination'
import type { RecordError } from '../summary/types'
import { eventUid } from '../uid'
import { mappingErrors, type MappingProblem } from './errors'
import { homeOrgUnitOf, type OrgUnitLookups } from './homeOrgUnit'
import { clientEnrollmentUid, clientTrackedEntityUid } from './rememberedUids'
import type { DataValue, EventPayload } from './payload'
import { selectPrograms, type SelectionHints } from './selectPrograms'

export interface VaccinationEventContext extends OrgUnitLookups {
    salt: string
    timeZone: string
    /** yyyy-MM-dd in `timeZone`: vaccinations after it are errors. */
    today: string
    mapping: TrackerMapping
    /** Mappings.antigens */
    antigens: AntigenRule[]
    /** Mappings.outOfAreaKeep */
    outOfAreaKeep: Mappings['outOfAreaKeep']
    /**
     * The event's client (by baseEntityId), or undefined when OpenSRP has none. For an
     * out-of-area device copy without a baseEntityId, the caller may pass the client it found
     * by the event's ZEIR_ID.
     */
    client: OpenSrpClient | undefined
    /** The same hints the client's payload was built with, so both pick the same programs. */
    hints?: SelectionHints
}

export type EventSkipReason =
    'voided' | 'not-vaccination' | 'out-of-area-service' | 'out-of-area-copy' | 'client-voided'

export type VaccinationEventResult =
    | { outcome: 'built'; event: EventPayload }
    /**
     * Nothing to send, by design. `eventUid` is where this event's key would live in DHIS2:
     * a voided event (or one of a voided client) may have been sent before and should go.
     */
    | { outcome: 'skipped'; reason: EventSkipReason; message: string; eventUid: string }
    | { outcome: 'failed'; errors: RecordError[] }

function skipReason(
    event: OpenSrpEvent,
    keep: Mappings['outOfAreaKeep']
): EventSkipReason | undefined {
    if (event.eventType === VOID_EVENT || event.voided) return 'voided'
    if (event.eventType === OUT_OF_AREA_SERVICE_EVENT) return 'out-of-area-service'
    if (event.eventType !== VACCINATION_EVENT) return 'not-vaccination'
    if (keep === 'vaccinating-site' && isOutOfAreaHomeCopy(event)) return 'out-of-area-copy'
    if (keep === 'home' && isOutOfAreaDeviceCopy(event)) return 'out-of-area-copy'
    return undefined
}

const SKIP_MESSAGES: Record<EventSkipReason, string> = {
    voided: 'is voided in OpenSRP',
    'not-vaccination': 'is not a Vaccination event',
    'out-of-area-service':
        'is an "Out of Area Service" record; its dose is sent from the Vaccination copy',
    'out-of-area-copy':
        'is the out-of-area copy the mapping does not keep (Mappings.outOfAreaKeep)',
    'client-voided': 'belongs to a client that is voided in OpenSRP',
}

/**
 * One OpenSRP Vaccination event → one COMPLETED program-stage event in the program that records
 * its antigen and that the client goes to. The event UID comes from the event's key
 * (formSubmissionId), so an edit updates the same DHIS2 event; the enrollment and tracked entity
 * UIDs are derived exactly as buildClientPayload derives them.
 */
export function buildVaccinationEvent(
    event: OpenSrpEvent,
    ctx: VaccinationEventContext
): VaccinationEventResult {
    const sourceId = eventKeyOf(event)
    const uid = eventUid(ctx.salt, sourceId)
    const skipped = (reason: EventSkipReason): VaccinationEventResult => ({
        outcome: 'skipped',
        reason,
        message: `Event ${sourceId} ${SKIP_MESSAGES[reason]}.`,
        eventUid: uid,
    })
    const failed = (problems: MappingProblem[], orgUnit?: string): VaccinationEventResult => ({
        outcome: 'failed',
        errors: mappingErrors('event', sourceId, problems, orgUnit),
    })

    const reason = skipReason(event, ctx.outOfAreaKeep)
    if (reason) return skipped(reason)

    const clientId = event.baseEntityId.trim()
    const client = ctx.client
    if (!client || (clientId !== '' && client.baseEntityId !== clientId)) {
        return failed([
            {
                code: 'OSRP_NO_CLIENT',
                message: clientId
                    ? `The vaccination is for client ${clientId}, who is not in OpenSRP.`
                    : 'The vaccination names no client (an out-of-area dose OpenSRP could not attach to a registered child).',
            },
        ])
    }
    if (client.voided) return skipped('client-voided')

    const problems: MappingProblem[] = []
    const place = event.locationId?.trim()
        ? ctx.resolveOrgUnit(event.locationId.trim())
        : homeOrgUnitOf(client, ctx.mapping, ctx)
    if (!place.ok) problems.push({ code: place.code, message: place.message })
    const orgUnit = place.ok ? place.orgUnit.id : undefined

    const reading = readVaccination(event, ctx.antigens)
    if (!reading.ok)
        return failed([...problems, { code: reading.code, message: reading.message }], orgUnit)
    const { antigen, dose, date } = reading.value

    if (date > ctx.today) {
        problems.push({
            code: 'OSRP_FUTURE_DATE',
            message: `The ${antigen} vaccination is dated after today (${ctx.today}).`,
        })
    }
    const birth = client.birthdate ? localDateOf(client.birthdate, ctx.timeZone) : undefined
    if (birth !== undefined && date < birth) {
        problems.push({
            code: 'OSRP_DATE_BEFORE_BIRTH',
            message: `The ${antigen} vaccination is dated before the client's birth date.`,
        })
    }

    const programs = selectPrograms(client, ctx.mapping, ctx.hints)
    const program = programs.find((p) => p.vaccinations?.antigens.includes(antigen))
    const stage = program?.vaccinations
    if (!program || !stage) {
        problems.push({
            code: 'OSRP_NO_PROGRAM_FOR_ANTIGEN',
            message:
                programs.length === 0
                    ? `Client ${client.baseEntityId} is in no tracker program, so its ${antigen} vaccination has nowhere to go.`
                    : `No program client ${client.baseEntityId} is enrolled in records ${antigen} vaccinations.`,
        })
        return failed(problems, orgUnit)
    }
    const vaccineCode = stage.vaccineCodes[antigen]
    if (!vaccineCode) {
        problems.push({
            code: 'OSRP_NO_VACCINE_CODE',
            message: `The tracker mapping has no vaccine option code for ${antigen} in program ${program.program}.`,
        })
    }
    if (problems.length > 0 || orgUnit === undefined || !vaccineCode)
        return failed(problems, orgUnit)

    const dataValues: DataValue[] = [{ dataElement: stage.vaccineDataElement, value: vaccineCode }]
    if (stage.doseDataElement)
        dataValues.push({ dataElement: stage.doseDataElement, value: String(dose) })
    if (stage.sourceIdDataElement)
        dataValues.push({ dataElement: stage.sourceIdDataElement, value: sourceId })
    return {
        outcome: 'built',
        event: {
            event: uid,
            enrollment: clientEnrollmentUid(ctx.salt, client.baseEntityId, program.program),
            trackedEntity: clientTrackedEntityUid(ctx.salt, client.baseEntityId),
            program: program.program,
            programStage: stage.programStage,
            orgUnit,
            status: 'COMPLETED',
            occurredAt: date,
            dataValues,
        },
    }
}
