import { JsonRecord, refId, refIds } from '../json'
import { DEFAULT_COC } from '../metadata/schema'
import { canDataRead, canDataWrite } from '../sharing'
import { TrackerAction, TrackerValidation } from './validation'

/**
 * The `SecurityOwnershipValidator`s of the tracker importer (dhis2/dhis2-core,
 * tracker/imports/validation/validator/{trackedentity,enrollment,event}/), for what the sandbox
 * models: capture scope (E1000, only on create and delete, and on every write to an event
 * program's event), sharing — tracked entity type data write (E1001), program data write (E1091),
 * program stage data write (E1095), program data read (E1096), tracked entity type data read
 * (E1104), AOC category option data write (E1099) — the search scope of a tracked entity update
 * (E1003) and the cascade-delete authorities. Ownership (E1102) is not modelled. Each adds every
 * error it finds; the caller stops the object's validation when one was added.
 */

const user = (v: TrackerValidation) => v.user

/** `isInUserSearchHierarchy`: the search org units, or the capture ones when there are none. */
function inSearchScope(v: TrackerValidation, orgUnit: string): boolean {
    if (user(v).authorities.includes('ALL')) return true
    const { teiSearchOrganisationUnits: search, organisationUnits: capture } = user(v)
    return v.ctx.store.isInHierarchy(orgUnit, search.length > 0 ? search : capture)
}

export function trackedEntitySecurity(
    v: TrackerValidation,
    uid: string,
    action: TrackerAction,
    type: JsonRecord | undefined,
    orgUnit: string | undefined,
    hasEnrollments: boolean
): void {
    const add = (code: string, args: string[]) => v.add(code, 'TRACKED_ENTITY', uid, args)
    if (action === 'CREATE' && type && !canDataWrite(user(v), type))
        add('E1001', [user(v).id, String(type.id)])
    if (action !== 'UPDATE' && orgUnit && !v.inCaptureScope(orgUnit))
        add('E1000', [user(v).id, orgUnit])
    // An update needs the stored org unit in the search scope (E1003); 2.43 rewords and
    // re-argues it (user, tracked entity).
    if (action === 'UPDATE' && orgUnit && !inSearchScope(v, orgUnit))
        add('E1003', v.ctx.minor >= 43 ? [user(v).id, uid] : [orgUnit, user(v).id])
    if (action === 'DELETE' && hasEnrollments && !v.hasAuthority('F_TEI_CASCADE_DELETE'))
        add('E1100', [user(v).id, uid])
}

/** Program data write (E1091) and tracked entity type data read (E1104). */
function programAccess(
    v: TrackerValidation,
    add: (code: string, args: string[]) => void,
    program: JsonRecord
): void {
    const programId = String(program.id)
    if (!canDataWrite(user(v), program)) add('E1091', [user(v).id, programId])
    const type = v.ctx.store.get('trackedEntityTypes', refId(program.trackedEntityType))
    if (type && !canDataRead(user(v), type)) add('E1104', [user(v).id, programId, String(type.id)])
}

export function enrollmentSecurity(
    v: TrackerValidation,
    uid: string,
    action: TrackerAction,
    program: JsonRecord,
    orgUnit: string | undefined,
    hasEvents: boolean,
    storedOrgUnit?: string
): void {
    const add = (code: string, args: string[]) => v.add(code, 'ENROLLMENT', uid, args)
    // 2.41+ `checkEnrollmentOrgUnit`: an update that moves the enrollment to another org unit
    // needs that org unit in the capture scope too.
    const moved = v.ctx.minor >= 41 && storedOrgUnit !== undefined && storedOrgUnit !== orgUnit
    if ((action !== 'UPDATE' || moved) && orgUnit && !v.inCaptureScope(orgUnit))
        add('E1000', [user(v).id, orgUnit])
    if (action === 'DELETE' && hasEvents && !v.hasAuthority('F_ENROLLMENT_CASCADE_DELETE'))
        add('E1103', [user(v).id, uid])
    programAccess(v, add, program)
}

export function eventSecurity(
    v: TrackerValidation,
    uid: string,
    action: TrackerAction,
    scope: {
        program: JsonRecord
        stage: JsonRecord
        orgUnit: string | undefined
        aoc?: string
        /** `Event.isCreatableInSearchScope`: SCHEDULE, no data values, no occurredAt. */
        creatableInSearchScope?: boolean
        /** The org unit an update of a tracker event moves it to. */
        movedTo?: string
    }
): void {
    const add = (code: string, args: string[]) => v.add(code, 'EVENT', uid, args)
    const { program, stage, orgUnit } = scope
    const single = program.programType === 'WITHOUT_REGISTRATION'
    // 2.40+ `checkEventOrgUnitWriteAccess`: an event creatable in the search scope (a bare
    // scheduled one) needs its org unit in the search scope only.
    const searchOnly = v.ctx.minor >= 40 && scope.creatableInSearchScope === true
    const { teiSearchOrganisationUnits: search, organisationUnits: capture } = user(v)
    const writable = (ou: string) =>
        searchOnly
            ? v.ctx.store.isInHierarchy(ou, search.length > 0 ? search : capture)
            : v.inCaptureScope(ou)
    if ((single || action !== 'UPDATE') && orgUnit && !writable(orgUnit))
        add('E1000', [user(v).id, orgUnit])
    // 2.40+: an update moving a tracker event to another org unit needs it in the capture scope.
    else if (v.ctx.minor >= 40 && !single && action === 'UPDATE' && scope.movedTo)
        if (!v.inCaptureScope(scope.movedTo)) add('E1000', [user(v).id, scope.movedTo])
    if (single) {
        if (!canDataWrite(user(v), program)) add('E1091', [user(v).id, String(program.id)])
    } else {
        if (!canDataWrite(user(v), stage)) add('E1095', [user(v).id, String(stage.id)])
        if (!canDataRead(user(v), program)) add('E1096', [user(v).id, String(program.id)])
        const type = v.ctx.store.get('trackedEntityTypes', refId(program.trackedEntityType))
        if (type && !canDataRead(user(v), type))
            add('E1104', [user(v).id, String(program.id), String(type.id)])
    }
    const aoc = v.ctx.store.get('categoryOptionCombos', scope.aoc ?? DEFAULT_COC)
    for (const optionId of refIds(aoc?.categoryOptions)) {
        const option = v.ctx.store.get('categoryOptions', optionId)
        if (option && !canDataWrite(user(v), option)) add('E1099', [user(v).id, optionId])
    }
}
