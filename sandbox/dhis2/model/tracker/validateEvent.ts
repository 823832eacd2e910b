import { parseDateTime } from '../dates'
import { JsonRecord, asString, records, refId } from '../json'
import { DEFAULT_CATEGORY_COMBO, DEFAULT_COC } from '../metadata/schema'
import { isUid } from '../uid'
import { valueTypeError } from '../valueTypes'
import { EventInput } from './payload'
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
            if (existing && !v.inCaptureScope(existing.orgUnit))
                add('E1000', [v.user.id, existing.orgUnit])
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
            const payloadEnrollment = v.bundle.enrollments.find((en) => en.uid === ev.enrollment)
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
        validateAttributeOptionCombo(v, ev, program)
        if (failed()) return
        // Security and ownership.
        if (ev.orgUnit && !v.inCaptureScope(ev.orgUnit))
            return add('E1000', [v.user.id, ev.orgUnit])
        // The independent checks.
        if (ev.occurredAt !== undefined && !parseDateTime(ev.occurredAt)) add('E1031', [])
        else if (!ev.occurredAt && !['SCHEDULE', 'OVERDUE', 'SKIPPED'].includes(status))
            add('E1031', [])
        if (status === 'SCHEDULE' && !ev.scheduledAt) add('E1050', [])
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
                Object.values(state.events).some(
                    (e) =>
                        !e.deleted &&
                        e.enrollment === ev.enrollment &&
                        e.programStage === ev.programStage
                ) ||
                v.bundle.events
                    .slice(0, position)
                    .some(
                        (e) =>
                            e.enrollment === ev.enrollment &&
                            e.programStage === ev.programStage &&
                            !v.isInvalid('EVENT', e.uid)
                    )
            if (taken) add('E1039', [ev.programStage ?? ''])
        }
    })
}

function validateAttributeOptionCombo(
    v: TrackerValidation,
    ev: EventInput,
    program: JsonRecord
): void {
    const combo = refId(program.categoryCombo) ?? DEFAULT_CATEGORY_COMBO
    const aoc = ev.attributeOptionCombo
    if (aoc === undefined) {
        if (combo !== DEFAULT_CATEGORY_COMBO) v.add('E1055', 'EVENT', ev.uid, [])
        return
    }
    if (!v.ctx.store.get('categoryOptionCombos', aoc)) v.add('E1115', 'EVENT', ev.uid, [aoc])
    else if (aoc !== DEFAULT_COC || combo !== DEFAULT_CATEGORY_COMBO) {
        if (!v.ctx.store.cocIdsOf(combo).includes(aoc))
            v.add('E1054', 'EVENT', ev.uid, [aoc, combo])
    }
}

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
            v.add('E1087', 'EVENT', ev.uid, [dv.dataElement ?? 'null'])
            continue
        }
        const deId = String(dataElement.id)
        if (!inStage.has(deId)) {
            v.add('E1305', 'EVENT', ev.uid, [deId, String(stage.id)])
            continue
        }
        if (dv.value === null) continue
        const valueType = asString(dataElement.valueType) ?? 'TEXT'
        const error = valueTypeError(valueType, dv.value)
        if (error) {
            v.add('E1302', 'EVENT', ev.uid, [deId, error])
            continue
        }
        const optionSet = refId(dataElement.optionSet)
        const codes = optionSet ? v.ctx.store.optionCodes(optionSet) : undefined
        const values = valueType === 'MULTI_TEXT' ? dv.value.split(',') : [dv.value]
        if (codes && values.some((value) => !codes.includes(value))) {
            v.add('E1125', 'EVENT', ev.uid, [dv.value, 'DataElement', deId, optionSet ?? ''])
        }
    }
    const strategy = asString(stage.validationStrategy) ?? 'ON_COMPLETE'
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

const ENTITY_KEYS: ReadonlyArray<
    [
        string,
        'trackedEntities' | 'enrollments' | 'events',
        'trackedEntities' | 'enrollments' | 'events',
    ]
> = [
    ['trackedEntity', 'trackedEntities', 'trackedEntities'],
    ['enrollment', 'enrollments', 'enrollments'],
    ['event', 'events', 'events'],
]

export function validateRelationships(v: TrackerValidation): void {
    for (const rel of v.bundle.relationships) {
        const add = (code: string, args: string[]) => v.add(code, 'RELATIONSHIP', rel.uid, args)
        if (!isUid(rel.uid)) {
            add('E1048', ['Relationship', rel.uid])
            continue
        }
        const existing = v.ctx.state.relationships[rel.uid]
        const action = v.action('RELATIONSHIP', rel.uid, existing !== undefined)
        // Relationship `ExistenceValidator`: E4015 already exists, E4016 does not exist, E4017
        // deleted; a failing existence check ends the relationship's validation.
        if (existing?.deleted) {
            add('E4017', [rel.uid])
            continue
        }
        if (existing && action === 'CREATE') {
            add('E4015', [rel.uid])
            continue
        }
        if (!existing && action !== 'CREATE') {
            add('E4016', [rel.uid])
            continue
        }
        if (action === 'DELETE') continue
        if (!v.ctx.store.get('relationshipTypes', rel.relationshipType))
            add('E4006', [rel.relationshipType ?? 'null'])
        for (const end of [rel.from, rel.to]) {
            const hit = ENTITY_KEYS.find(([key]) => typeof end?.[key] === 'string')
            const id = hit ? asString(end?.[hit[0]]) : undefined
            if (!hit || !id) {
                add('E4012', ['relationship item', 'null'])
                continue
            }
            const [key, payloadKey, stateKey] = hit
            const inPayload = v.bundle[payloadKey].some((o) => o.uid === id)
            const stored = v.ctx.state[stateKey][id]
            if (!inPayload && (!stored || stored.deleted)) add('E4012', [key, id])
        }
    }
}
