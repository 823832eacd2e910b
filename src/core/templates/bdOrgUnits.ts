import type { OrgUnitMapping } from '../config/types'

/** The BD metadata's org unit attribute "OpenSRP location ID" (code OPENSRP_LOCATION_ID). */
export const BD_OPENSRP_LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'

/**
 * Default org unit matching for the BD package. Strongest evidence first: a location id that is
 * an org unit UID (servers that imported DHIS2 org units, reference opensrp-api.md §2.4), then the
 * unique "OpenSRP location ID" attribute, then the geocode, and the name last.
 */
export const bdOrgUnitMapping = (): OrgUnitMapping => ({
    explicit: {},
    rules: [
        { by: 'uid' },
        { by: 'attribute', attribute: BD_OPENSRP_LOCATION_ATTRIBUTE },
        { by: 'code' },
        { by: 'name' },
    ],
})
