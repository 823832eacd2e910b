import { parseDateTime } from '../dates'
import { JsonRecord, records, refId } from '../json'
import { isUid } from '../uid'
import { validateAttributeValues } from './attributes'
import { EnrollmentInput } from './payload'
import { enrollmentSecurity } from './security'
import { TrackerValidation } from './validation'

const ENROLLMENT_STATUSES = ['ACTIVE', 'COMPLETED', 'CANCELLED']

/** The tracker `MessageFormatter` prints a null argument as `NULL`. */
const NULL_ARG = 'NULL'

/**
 * Enrollment checks in DHIS2's order (`EnrollmentValidator`'s `seq`, 2.38–2.40 the `PreCheck*`
 * hooks with `skipOnError`): mandatory fields, meta, updatable fields, data relations and
 * security/ownership each end the enrollment's validation when they fail.
 */
export function validateEnrollments(v: TrackerValidation): void {
    const { store, state } = v.ctx
    const now = v.ctx.now().getTime()
    v.bundle.enrollments.forEach((en, position) => {
        const add = (code: string, args: string[]) => v.add(code, 'ENROLLMENT', en.uid, args)
        const before = v.errors.length
        const failed = () => v.errors.length > before
        if (!isUid(en.uid)) return add('E1048', ['Enrollment', en.uid])
        const existing = state.enrollments[en.uid]
        const action = v.action('ENROLLMENT', en.uid, existing !== undefined)
        if (action === 'CREATE' && existing)
            return add(existing.deleted ? 'E1113' : 'E1080', [en.uid])
        if (action !== 'CREATE' && !existing) return add('E1081', [en.uid])
        if (existing?.deleted) return add('E1113', [en.uid])
        if (action === 'DELETE') {
            const hasEvents = v.index.storedEventsOf(en.uid).length > 0
            const stored = store.get('programs', existing?.program)
            if (stored) enrollmentSecurity(v, en.uid, action, stored, existing?.orgUnit, hasEvents)
            return
        }
        // Mandatory fields.
        if (!en.program) add('E1122', ['program'])
        if (!en.orgUnit) add('E1122', ['orgUnit'])
        if (!en.trackedEntity) add('E1122', ['trackedEntity'])
        if (en.status && !ENROLLMENT_STATUSES.includes(en.status)) add('E1122', ['status'])
        if (failed()) return
        // Meta: org unit, program, tracked entity.
        const program = store.get('programs', en.program)
        const payloadTe = v.index.payloadTrackedEntity(en.trackedEntity)
        const storedTe = en.trackedEntity ? state.trackedEntities[en.trackedEntity] : undefined
        if (en.orgUnit && !store.get('organisationUnits', en.orgUnit)) add('E1070', [en.orgUnit])
        if (en.program && !program) add('E1069', [en.program])
        if (en.trackedEntity && !payloadTe && (!storedTe || storedTe.deleted))
            add('E1068', [en.trackedEntity])
        if (failed() || !program) return
        // Updatable fields.
        if (existing && en.program && existing.program !== en.program)
            return add('E1127', ['program'])
        // Data relations.
        const programId = String(program.id)
        if (program.programType === 'WITHOUT_REGISTRATION') add('E1014', [programId])
        if (en.orgUnit && !records(program.organisationUnits).some((o) => refId(o) === en.orgUnit))
            add('E1041', [en.orgUnit, programId])
        const teType = payloadTe?.trackedEntityType ?? storedTe?.trackedEntityType
        if (
            teType &&
            refId(program.trackedEntityType) &&
            teType !== refId(program.trackedEntityType)
        )
            add('E1022', [en.trackedEntity ?? '', programId])
        if (failed()) return
        // Security and ownership.
        enrollmentSecurity(v, en.uid, action, program, en.orgUnit, false, existing?.orgUnit)
        if (failed()) return
        // The independent checks: dates, existing enrollments, attributes.
        const enrolledAt = en.enrolledAt ? parseDateTime(en.enrolledAt) : undefined
        if (!enrolledAt) add('E1025', [en.enrolledAt ?? NULL_ARG])
        const occurredAt = en.occurredAt ? parseDateTime(en.occurredAt) : undefined
        if (en.occurredAt !== undefined && !occurredAt) add('E1023', [en.occurredAt])
        else if (!en.occurredAt && program.displayIncidentDate === true) add('E1023', [NULL_ARG])
        if (
            enrolledAt &&
            program.selectEnrollmentDatesInFuture !== true &&
            enrolledAt.getTime() > now
        )
            add('E1020', [en.enrolledAt ?? ''])
        if (
            occurredAt &&
            program.selectIncidentDatesInFuture !== true &&
            occurredAt.getTime() > now
        )
            add('E1021', [en.occurredAt ?? ''])
        if (action === 'CREATE' && en.trackedEntity) {
            const others = [
                ...v.index
                    .storedEnrollmentsOf(en.trackedEntity)
                    .map((o) => ({ program: o.program, status: o.status })),
                ...v.index
                    .payloadEnrollmentsOf(en.trackedEntity)
                    .filter((o) => o.position < position)
                    .map((o) => o.input)
                    .filter((o) => !v.isInvalid('ENROLLMENT', o.uid))
                    .map((o) => ({ program: o.program, status: o.status ?? 'ACTIVE' })),
            ].filter((o) => o.program === programId)
            if (program.onlyEnrollOnce === true && others.length > 0)
                add('E1016', [en.trackedEntity, programId])
            else if (
                (en.status ?? 'ACTIVE') === 'ACTIVE' &&
                others.some((o) => o.status === 'ACTIVE')
            )
                add('E1015', [en.trackedEntity, programId])
        }
        validateProgramAttributes(v, en, program, [
            ...(storedTe?.attributes ?? []),
            ...(payloadTe?.attributes ?? []),
        ])
    })
}

/**
 * `enrollment/AttributeValidator` (2.41): an attribute without a UID is E1075; a mandatory
 * program attribute sent without a value E1076; an unknown one E1006; the values of known
 * attributes are checked whether or not the program has them. Then E1019 for a valued attribute
 * outside the program, and E1018 for a mandatory one neither valued here nor held by the
 * tracked entity (stored, or sent with it in the payload, with or without a value).
 */
function validateProgramAttributes(
    v: TrackerValidation,
    en: EnrollmentInput,
    program: JsonRecord,
    trackedEntityAttributes: Array<{ attribute?: string }>
): void {
    const add = (code: string, args: string[]) => v.add(code, 'ENROLLMENT', en.uid, args)
    const programId = String(program.id)
    const programAttributes = records(program.programTrackedEntityAttributes)
    const allowed = new Set(programAttributes.map((p) => refId(p.trackedEntityAttribute)))
    const mandatory = programAttributes
        .filter((p) => p.mandatory === true)
        .map((p) => refId(p.trackedEntityAttribute))
        .filter((id): id is string => id !== undefined)
    const identified = en.attributes.filter((a) => {
        if (!a.attribute) add('E1075', [''])
        else if (a.value === null && mandatory.includes(a.attribute))
            add('E1076', ['TrackedEntityAttribute', a.attribute])
        return a.attribute !== undefined
    })
    validateAttributeValues(v, 'ENROLLMENT', en.uid, en.trackedEntity, en.orgUnit, identified)
    const valued = identified.filter(
        (a) => a.value !== null && v.ctx.store.get('trackedEntityAttributes', a.attribute)
    )
    for (const a of valued)
        if (!allowed.has(a.attribute)) add('E1019', [`${a.attribute ?? ''}=${a.value ?? ''}`])
    const present = new Set([...valued, ...trackedEntityAttributes].map((a) => a.attribute))
    for (const attribute of mandatory)
        if (!present.has(attribute)) add('E1018', [attribute, programId, en.uid])
}
