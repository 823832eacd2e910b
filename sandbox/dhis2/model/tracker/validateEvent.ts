import { parseDateTime } from '../dates'
import { JsonRecord, asString, records, refId } from '../json'
import { isUid } from '../uid'
import { valueTypeError } from '../valueTypes'
import { EventInput } from './payload'
import { eventSecurity } from './security'
import {
    validateCategoryOptionDates,
    validateEventCategoryOptionCombo,
} from './eventCategoryOptions'
import { TrackerValidation } from './validation'

const EVENT_STATUSES = ['ACTIVE', 'COMPLETED', 'VISITED', 'SCHEDULE', 'OVERDUE', 'SKIPPED']

/**
 * Event checks in DHIS2's order: the pre-checks (`EventValidator`'s `seq`: uid, existence,
 * mandatory fields, meta, updatable fields, data relations, security/ownership; 2.38–2.40 the
 * `PreCheck*ValidationHook`s with `skipOnError`) each stop the event's validation when they add an
 * error; dates, data values and repeated stages are only checked for events that passed them.
 */
export function validateEvents(v: TrackerValidation): void {
    const { store, state } = v.ctx
    v.bundle.events.forEach((ev, position) => {
        const add = (code: string, args: string[]) => v.add(code, 'EVENT', ev.uid, args)
        const before = v.errors.length
        const failed = () => v.errors.length > before
        if (!isUid(ev.uid)) return add('E1048', ['Event', ev.uid])
        const existing = state.events[ev.uid]
        const action = v.action('EVENT', ev.uid, existing !== undefined)
        if (action === 'CREATE' && existing)
            return add(existing.deleted ? 'E1082' : 'E1030', [ev.uid])
        if (action !== 'CREATE' && !existing) return add('E1032', [ev.uid])
        if (existing?.deleted) return add('E1082', [ev.uid])
        if (action === 'DELETE') {
            const program = store.get('programs', existing?.program)
            const stage = store.get('programStages', existing?.programStage)
            if (existing && program && stage)
                eventSecurity(v, ev.uid, action, {
                    program,
                    stage,
                    orgUnit: existing.orgUnit,
                    aoc: existing.attributeOptionCombo,
                    creatableInSearchScope:
                        existing.status === 'SCHEDULE' &&
                        existing.dataValues.length === 0 &&
                        !existing.occurredAt,
                })
            return
        }
        // Mandatory fields.
        if (!ev.programStage) add('E1123', ['programStage'])
        if (!ev.orgUnit) add('E1123', ['orgUnit'])
        const status = ev.status ?? 'ACTIVE'
        if (!EVENT_STATUSES.includes(status)) add('E1123', ['status'])
        if (failed()) return
        // Meta: org unit, program (the stage's when not given), stage.
        const stage = store.get('programStages', ev.programStage)
        const programId = ev.program ?? refId(stage?.program)
        const program = store.get('programs', programId)
        if (ev.orgUnit && !store.get('organisationUnits', ev.orgUnit)) add('E1011', [ev.orgUnit])
        if (!program) add('E1010', [programId ?? 'null'])
        if (ev.programStage && !stage) add('E1013', [ev.programStage])
        if (failed() || !program || !stage) return
        // Updatable fields.
        if (existing && ev.programStage && existing.programStage !== ev.programStage)
            return add('E1128', ['programStage'])
        // Data relations.
        const pid = String(program.id)
        if (refId(stage.program) !== pid) add('E1089', [ev.uid, String(stage.id), pid])
        if (program.programType !== 'WITHOUT_REGISTRATION') {
            const payloadEnrollment = v.index.payloadEnrollment(ev.enrollment)
            const storedEnrollment = ev.enrollment ? state.enrollments[ev.enrollment] : undefined
            const enrollmentProgram =
                payloadEnrollment?.program ??
                (storedEnrollment && !storedEnrollment.deleted
                    ? storedEnrollment.program
                    : undefined)
            if (!ev.enrollment || enrollmentProgram === undefined) add('E1033', [ev.uid])
            else if (enrollmentProgram !== pid) add('E1079', [ev.uid, pid, ev.enrollment])
        }
        if (ev.orgUnit && !records(program.organisationUnits).some((o) => refId(o) === ev.orgUnit))
            add('E1029', [ev.orgUnit, pid])
        validateEventCategoryOptionCombo(v, ev, program)
        if (failed()) return
        // 2.41+ `BlockEntryFormAfterCompletionValidator`, on update only: a completed event of a
        // stage that blocks its entry form after completion must be reopened first.
        const blocked = v.ctx.minor >= 41 && stage.blockEntryForm === true
        if (
            blocked &&
            action === 'UPDATE' &&
            status === 'COMPLETED' &&
            existing?.status === 'COMPLETED'
        )
            return add('E1326', [ev.uid])
        // Security and ownership (an update keeps the stored org unit and AOC).
        eventSecurity(v, ev.uid, action, {
            program,
            stage,
            orgUnit: existing ? existing.orgUnit : ev.orgUnit,
            aoc: existing ? existing.attributeOptionCombo : ev.attributeOptionCombo,
            creatableInSearchScope:
                status === 'SCHEDULE' && ev.dataValues.length === 0 && !ev.occurredAt,
            ...(existing && ev.orgUnit && ev.orgUnit !== existing.orgUnit
                ? { movedTo: ev.orgUnit }
                : {}),
        })
        if (failed()) return
        // The independent checks.
        if (ev.occurredAt !== undefined && !parseDateTime(ev.occurredAt)) add('E1031', [])
        else if (!ev.occurredAt && !['SCHEDULE', 'OVERDUE', 'SKIPPED'].includes(status))
            add('E1031', [])
        if (status === 'SCHEDULE' && !ev.scheduledAt) add('E1050', [])
        validateCategoryOptionDates(v, ev, program)
        validateDataValues(v, ev, stage, status)
        // `RepeatedEventsValidator` looks at the events that passed every other check.
        if (
            !failed() &&
            program.programType !== 'WITHOUT_REGISTRATION' &&
            stage.repeatable !== true &&
            action === 'CREATE' &&
            ev.enrollment
        ) {
            const taken =
                v.index
                    .storedEventsOf(ev.enrollment)
                    .some((e) => e.programStage === ev.programStage) ||
                v.index
                    .payloadEventsOf(ev.enrollment)
                    .some(
                        ({ position: at, input: e }) =>
                            at < position &&
                            e.programStage === ev.programStage &&
                            !v.isInvalid('EVENT', e.uid)
                    )
            if (taken) add('E1039', [ev.programStage ?? ''])
        }
    })
}

/**
 * `DataValuesValidator` (2.38+): per value E1304 unknown data element, then E1125 option set or
 * else E1302 value type; then E1303 missing compulsory values; then E1305 for each data element
 * of the payload (known or not) that is not in the stage.
 */
function validateDataValues(
    v: TrackerValidation,
    ev: EventInput,
    stage: JsonRecord,
    status: string
): void {
    const stageElements = records(stage.programStageDataElements)
    const inStage = new Map(stageElements.map((psde) => [refId(psde.dataElement), psde]))
    for (const dv of ev.dataValues) {
        const dataElement = v.ctx.store.get('dataElements', dv.dataElement)
        if (!dataElement) {
            v.add('E1304', 'EVENT', ev.uid, [dv.dataElement ?? 'NULL'])
            continue
        }
        if (dv.value === null) continue
        const deId = String(dataElement.id)
        const valueType = asString(dataElement.valueType) ?? 'TEXT'
        const optionSet = refId(dataElement.optionSet)
        if (optionSet) {
            const codes = v.ctx.store.optionCodes(optionSet) ?? []
            const values = valueType === 'MULTI_TEXT' ? dv.value.split(',') : [dv.value]
            if (values.some((value) => !codes.includes(value)))
                v.add(
                    'E1125',
                    'EVENT',
                    ev.uid,
                    v.optionArgs(dv.value, 'DataElement', deId, optionSet)
                )
            continue
        }
        const error = valueTypeError(valueType, dv.value)
        if (error) v.add('E1302', 'EVENT', ev.uid, [deId, error])
    }
    validateMandatoryValues(v, ev, inStage, status)
    const payloadElements = new Set(ev.dataValues.map((dv) => dv.dataElement ?? 'NULL'))
    for (const deKey of payloadElements)
        if (!inStage.has(deKey)) v.add('E1305', 'EVENT', ev.uid, [deKey, String(stage.id)])
}

function validateMandatoryValues(
    v: TrackerValidation,
    ev: EventInput,
    inStage: Map<string | undefined, JsonRecord>,
    status: string
): void {
    const stage = v.ctx.store.get('programStages', ev.programStage)
    const strategy = asString(stage?.validationStrategy) ?? 'ON_COMPLETE'
    if (status !== 'COMPLETED' && strategy === 'ON_COMPLETE') return
    if (v.actionOf('EVENT', ev.uid) !== 'CREATE') return
    const present = new Set(
        ev.dataValues.filter((dv) => dv.value !== null).map((dv) => dv.dataElement)
    )
    for (const [deId, psde] of inStage) {
        if (deId && psde.compulsory === true && !present.has(deId))
            v.add('E1303', 'EVENT', ev.uid, [deId])
    }
}
