import { JsonRecord, asBoolean, asString, asText, isRecord, records } from '../json'
import { generateUid } from '../uid'

export type TrackerType = 'TRACKED_ENTITY' | 'ENROLLMENT' | 'EVENT' | 'RELATIONSHIP'

export interface AttributeInput {
    attribute?: string
    /** null deletes the value (§3.2). */
    value: string | null
}

export interface TrackedEntityInput {
    uid: string
    trackedEntityType?: string
    orgUnit?: string
    inactive?: boolean
    attributes: AttributeInput[]
}

export interface EnrollmentInput {
    uid: string
    trackedEntity?: string
    program?: string
    orgUnit?: string
    status?: string
    enrolledAt?: string
    occurredAt?: string
    followUp?: boolean
    attributes: AttributeInput[]
    notes?: NoteInput[]
}

/** A note as sent: its UID (optional) and text. */
export interface NoteInput {
    note?: string
    value: string | null
}

export interface DataValueInput {
    dataElement?: string
    value: string | null
}

export interface EventInput {
    uid: string
    enrollment?: string
    program?: string
    programStage?: string
    orgUnit?: string
    status?: string
    occurredAt?: string
    scheduledAt?: string
    attributeOptionCombo?: string
    /** The view's `attributeCategoryOptions`, `;`-separated option UIDs. */
    attributeCategoryOptions?: string[]
    dataValues: DataValueInput[]
    notes?: NoteInput[]
}

/** A relationship end as the importer's domain holds it: the one UID it links. */
export type RelationshipItemInput = { trackedEntity?: string; enrollment?: string; event?: string }

export interface RelationshipInput {
    uid: string
    relationshipType?: string
    from?: RelationshipItemInput
    to?: RelationshipItemInput
}

export interface TrackerBundle {
    trackedEntities: TrackedEntityInput[]
    enrollments: EnrollmentInput[]
    events: EventInput[]
    relationships: RelationshipInput[]
}

const uidOrNew = (value: unknown): string => asString(value) ?? generateUid()
// DHIS2's JSON mapper reads `""` as null (`JacksonObjectMapperConfig`,
// `EmptyStringToNullStdDeserializer`), so an empty attribute or data value deletes the stored one
// as null does (`AbstractTrackerPersister.handleTrackedEntityAttributeValues`, `StringUtils.isEmpty`).
const nullableText = (value: unknown): string | null => asText(value) || null

function notes(value: unknown): NoteInput[] {
    return records(value).map((n) => ({ note: asString(n.note), value: nullableText(n.value) }))
}

function attributes(value: unknown): AttributeInput[] {
    return records(value).map((a) => ({
        attribute: asString(a.attribute),
        value: nullableText(a.value),
    }))
}

/**
 * The Web API's relationship end `{"trackedEntity": {"trackedEntity": UID}}` (likewise enrollment,
 * event), read as `RelationshipItemMapper` does (`trackedEntity.trackedEntity` …) on every version
 * from 2.38.0 (DHIS2-12625); a flat string never gets here (`unreadableRelationshipItem`).
 */
function relationshipItem(value: unknown): RelationshipItemInput | undefined {
    if (!isRecord(value)) return undefined
    const inner = (key: 'trackedEntity' | 'enrollment' | 'event'): string | undefined => {
        const item = value[key]
        return isRecord(item) ? asString(item[key]) : undefined
    }
    return withoutUndefinedIds({
        trackedEntity: inner('trackedEntity'),
        enrollment: inner('enrollment'),
        event: inner('event'),
    })
}

function withoutUndefinedIds(item: RelationshipItemInput): RelationshipItemInput {
    const out: RelationshipItemInput = {}
    if (item.trackedEntity !== undefined) out.trackedEntity = item.trackedEntity
    if (item.enrollment !== undefined) out.enrollment = item.enrollment
    if (item.event !== undefined) out.event = item.event
    return out
}

/** Accepts the nested and the flat payload (§3.2); DHIS2 assigns UIDs to objects sent without one. */
export function parseTrackerPayload(body: unknown): TrackerBundle | undefined {
    if (!isRecord(body)) return undefined
    const bundle: TrackerBundle = {
        trackedEntities: [],
        enrollments: [],
        events: [],
        relationships: [],
    }
    // `BodyConverter` collects relationships nested in tracked entities, then enrollments, then
    // events, then the top-level ones; nested objects take their parent's UID as reference.
    const nested: Record<'te' | 'en' | 'ev' | 'top', RelationshipInput[]> = {
        te: [],
        en: [],
        ev: [],
        top: [],
    }
    const addRelationships = (value: unknown, from: keyof typeof nested) => {
        for (const r of records(value)) {
            nested[from].push({
                uid: uidOrNew(r.relationship),
                relationshipType: asString(r.relationshipType),
                from: relationshipItem(r.from),
                to: relationshipItem(r.to),
            })
        }
    }
    const addEvent = (e: JsonRecord, enrollment?: EnrollmentInput) => {
        bundle.events.push({
            uid: uidOrNew(e.event),
            enrollment: enrollment ? enrollment.uid : asString(e.enrollment),
            // Not the enrollment's: DHIS2 takes a missing program from the program stage.
            program: asString(e.program),
            programStage: asString(e.programStage),
            orgUnit: asString(e.orgUnit),
            status: asString(e.status),
            occurredAt: asString(e.occurredAt),
            scheduledAt: asString(e.scheduledAt),
            attributeOptionCombo: asString(e.attributeOptionCombo),
            attributeCategoryOptions: asString(e.attributeCategoryOptions)
                ?.split(';')
                .map((o) => o.trim())
                .filter(Boolean),
            dataValues: records(e.dataValues).map((dv) => ({
                dataElement: asString(dv.dataElement),
                value: nullableText(dv.value),
            })),
            notes: notes(e.notes),
        })
        addRelationships(e.relationships, 'ev')
    }
    const addEnrollment = (en: JsonRecord, trackedEntity?: string) => {
        const enrollment: EnrollmentInput = {
            uid: uidOrNew(en.enrollment),
            trackedEntity: trackedEntity ?? asString(en.trackedEntity),
            program: asString(en.program),
            orgUnit: asString(en.orgUnit),
            status: asString(en.status),
            enrolledAt: asString(en.enrolledAt),
            occurredAt: asString(en.occurredAt),
            followUp: asBoolean(en.followUp),
            attributes: attributes(en.attributes),
            notes: notes(en.notes),
        }
        bundle.enrollments.push(enrollment)
        for (const e of records(en.events)) addEvent(e, enrollment)
        addRelationships(en.relationships, 'en')
    }
    for (const te of records(body.trackedEntities)) {
        const uid = uidOrNew(te.trackedEntity)
        bundle.trackedEntities.push({
            uid,
            trackedEntityType: asString(te.trackedEntityType),
            orgUnit: asString(te.orgUnit),
            inactive: asBoolean(te.inactive),
            attributes: attributes(te.attributes),
        })
        for (const en of records(te.enrollments)) addEnrollment(en, uid)
        addRelationships(te.relationships, 'te')
    }
    for (const en of records(body.enrollments)) addEnrollment(en)
    for (const e of records(body.events)) addEvent(e)
    addRelationships(body.relationships, 'top')
    bundle.relationships = [...nested.te, ...nested.en, ...nested.ev, ...nested.top]
    return bundle
}

export function countObjects(bundle: TrackerBundle): number {
    return (
        bundle.trackedEntities.length +
        bundle.enrollments.length +
        bundle.events.length +
        bundle.relationships.length
    )
}
