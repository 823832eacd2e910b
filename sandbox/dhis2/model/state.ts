import type { StoredFileResource } from './fileResources'
import { JsonRecord, isRecord } from './json'

/** Metadata objects are kept as imported (plus computed `path`/`level`), keyed by collection then UID. */
export type MetadataCollections = Record<string, Record<string, JsonRecord>>

export interface StoredDataValue {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
    value?: string
    comment?: string
    storedBy: string
    created: string
    lastUpdated: string
    followup: boolean
    deleted: boolean
}

export interface StoredAttributeValue {
    attribute: string
    value: string
    createdAt: string
    updatedAt: string
    /** Username of the last import that wrote it (`AbstractTrackerPersister`). */
    storedBy?: string
}

/** A note of an enrollment or event (`Note`): who wrote it and when. */
export interface StoredNote {
    note: string
    value: string
    storedAt: string
    storedBy: string
    createdBy: { uid: string; username: string; firstName: string; surname: string }
}

export interface StoredTrackedEntity {
    trackedEntity: string
    trackedEntityType: string
    orgUnit: string
    createdAt: string
    updatedAt: string
    inactive: boolean
    deleted: boolean
    attributes: StoredAttributeValue[]
    storedBy?: string
}

export interface StoredEnrollment {
    enrollment: string
    trackedEntity: string
    program: string
    orgUnit: string
    status: string
    enrolledAt: string
    occurredAt?: string
    completedAt?: string
    completedBy?: string
    storedBy?: string
    createdAt: string
    updatedAt: string
    followUp: boolean
    deleted: boolean
    notes?: StoredNote[]
}

export interface StoredEventDataValue {
    dataElement: string
    value: string
    createdAt: string
    updatedAt: string
    providedElsewhere: boolean
    /** `EventPersister`: the username of the import that wrote it. */
    storedBy?: string
}

export interface StoredEvent {
    event: string
    enrollment?: string
    trackedEntity?: string
    program: string
    programStage: string
    orgUnit: string
    status: string
    occurredAt?: string
    scheduledAt?: string
    completedAt?: string
    completedBy?: string
    storedBy?: string
    attributeOptionCombo: string
    createdAt: string
    updatedAt: string
    deleted: boolean
    dataValues: StoredEventDataValue[]
    notes?: StoredNote[]
}

export interface StoredRelationship {
    relationship: string
    relationshipType: string
    from: JsonRecord
    to: JsonRecord
    createdAt: string
    updatedAt: string
    deleted: boolean
}

/** A `DataValueAudit`: the value as it was before an import changed or deleted it. */
export interface StoredDataValueAudit {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
    value?: string
    modifiedBy: string
    created: string
    auditType: 'UPDATE' | 'DELETE'
}

export interface ModelState {
    metadata: MetadataCollections
    /** Key: `de|period|ou|coc|aoc`. */
    dataValues: Record<string, StoredDataValue>
    /** Key: `ds|period|ou|aoc` → completion date. */
    completions: Record<string, string>
    trackedEntities: Record<string, StoredTrackedEntity>
    enrollments: Record<string, StoredEnrollment>
    events: Record<string, StoredEvent>
    relationships: Record<string, StoredRelationship>
    /** Aggregate data value audits, oldest first (absent in snapshots written before them). */
    dataValueAudits?: StoredDataValueAudit[]
    /** Uploaded file resources by UID (absent in snapshots written before them). */
    fileResources?: Record<string, StoredFileResource>
}

export function emptyState(): ModelState {
    return {
        metadata: {},
        dataValues: {},
        completions: {},
        trackedEntities: {},
        enrollments: {},
        events: {},
        relationships: {},
    }
}

const STATE_KEYS: ReadonlyArray<keyof ModelState> = [
    'metadata',
    'dataValues',
    'completions',
    'trackedEntities',
    'enrollments',
    'events',
    'relationships',
]

/**
 * Accepts a snapshot written by `snapshot()`. Only the outer shape is checked: the file is the
 * sandbox's own output, so a deep schema check would only duplicate the types above.
 */
export function isModelState(value: unknown): value is ModelState {
    return isRecord(value) && STATE_KEYS.every((key) => isRecord(value[key]))
}

export function dataValueKey(v: {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
}): string {
    return [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo].join(
        '|'
    )
}
