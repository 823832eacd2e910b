import type { Harness, Raw } from './syncHarness'

/** The BD tracked entity type, and a mother → child relationship type the tests add for it. */
export const TE_TYPE = 'ligA6yGUkYl'
export const REL_TYPE = 'RelMoChild1'

export const relationshipType = {
    id: REL_TYPE,
    name: 'Mother to child',
    bidirectional: false,
    // Data write for the importing user, as the admin must give it (E4020 otherwise, 2.39+).
    sharing: { public: 'rwrw----', external: false, users: {}, userGroups: {} },
    fromConstraint: {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: TE_TYPE },
    },
    toConstraint: {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: TE_TYPE },
    },
}

export interface StoredRelationship {
    relationshipType: string
    from: Raw
    to: Raw
    deleted: boolean
}

/** The live relationships DHIS2 stores, by UID. */
export function storedRelationships(h: Harness): Map<string, StoredRelationship> {
    // The sandbox does not list relationships over the API: its storage is read directly.
    const state = h.dhis2Sandbox.model.snapshot() as {
        relationships: Record<string, StoredRelationship>
    }
    return new Map(Object.entries(state.relationships).filter(([, r]) => !r.deleted))
}

/** The tracked entity at one end, stored flat or nested. */
export function trackedEntityAt(end: Raw | undefined): unknown {
    const te = end?.trackedEntity
    return typeof te === 'object' && te !== null ? (te as Raw).trackedEntity : te
}
