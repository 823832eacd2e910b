import type { ClientSelector, ProgramMapping, TrackerMapping } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'
import { motherIdOf, valueIgnoringCase } from './readValue'

/** What the caller may know about a client beyond its own record. */
export interface SelectionHints {
    /** Another client names this one in relationships.mother. */
    referencedAsMother?: boolean
}

const DEFAULT_MOTHER_IDENTIFIERS = ['M_ZEIR_ID']
const WOMAN_CLIENT_TYPES = new Set(['mother', 'woman'])

/**
 * Children are clients with a `mother` relationship (ZEIR/BD apps always write it). Mothers carry
 * no relationship and no clientType in the ZEIR/BD data; what marks them is the `M_ZEIR_ID`
 * identifier the app gives every registered woman. The seed's rule (no relationships = household)
 * misfiled them (reference §5.5). A client with a mother is never taken for a mother, nor a male.
 */
function isWoman(
    client: OpenSrpClient,
    identifiers: readonly string[],
    hints: SelectionHints
): boolean {
    if (motherIdOf(client) !== undefined) return false
    if (client.gender?.trim().toLowerCase() === 'male') return false
    if (hints.referencedAsMother) return true
    if (client.clientType && WOMAN_CLIENT_TYPES.has(client.clientType.trim().toLowerCase()))
        return true
    return identifiers.some((name) => valueIgnoringCase(client.identifiers, name) !== undefined)
}

export function matchesSelector(
    client: OpenSrpClient,
    selector: ClientSelector,
    hints: SelectionHints = {}
): boolean {
    switch (selector.type) {
        case 'all':
            return true
        case 'child':
            return motherIdOf(client) !== undefined
        case 'mother':
            return isWoman(client, selector.identifiers ?? DEFAULT_MOTHER_IDENTIFIERS, hints)
        case 'clientType':
            return client.clientType?.trim().toLowerCase() === selector.value.trim().toLowerCase()
    }
}

/** Every program whose selector the client matches, in the mapping's order. */
export function selectPrograms(
    client: OpenSrpClient,
    mapping: TrackerMapping,
    hints: SelectionHints = {}
): ProgramMapping[] {
    return mapping.programs.filter((program) => matchesSelector(client, program.selector, hints))
}
