import type { TrackedEntityAttributeFacts } from '../ports/metadata'
import type { PathSegment } from './configPath'
import type { MappingProblem } from './mappingProblems'
import { named, problemAt } from './mappingProblems'
import type { AttributeMapping } from './types'

/** An attribute as a tracked entity type or a program has it. */
export interface AttributeSlot {
    mandatory: boolean
    attribute: TrackedEntityAttributeFacts
}

/** Value maps must produce the attribute's option codes (DHIS2 E1125 otherwise). */
export function checkOptionMaps(
    mapping: AttributeMapping,
    attribute: TrackedEntityAttributeFacts,
    path: PathSegment[]
): MappingProblem[] {
    const optionSet = attribute.optionSet
    if (!optionSet) return []
    const codes = new Set(optionSet.codes)
    const maps = (mapping.transform ?? []).flatMap((transform, t) =>
        transform.type === 'optionMap' ? [{ map: transform.map, t }] : []
    )
    if (maps.length === 0 && mapping.source.from !== 'constant') {
        return [
            problemAt(
                path,
                'warning',
                'option-map-missing',
                `${named(attribute)} takes only the codes ${list(optionSet.codes)}: add a value map unless OpenSRP already stores these codes`
            ),
        ]
    }
    if (
        mapping.source.from === 'constant' &&
        maps.length === 0 &&
        !codes.has(mapping.source.value)
    ) {
        return [
            notACode(
                [...path, 'source', 'value'],
                mapping.source.value,
                attribute,
                optionSet.codes
            ),
        ]
    }
    return maps.flatMap(({ map, t }) =>
        Object.entries(map)
            .filter(([, code]) => !codes.has(code))
            .map(([from, code]) =>
                notACode([...path, 'transform', t, 'map', from], code, attribute, optionSet.codes)
            )
    )
}

function notACode(
    path: PathSegment[],
    code: string,
    attribute: TrackedEntityAttributeFacts,
    codes: string[]
): MappingProblem {
    return problemAt(
        path,
        'error',
        'not-an-option-code',
        `'${code}' is not an option code of ${named(attribute)}; use one of ${list(codes)}`
    )
}

export const list = (values: readonly string[]) =>
    values.length === 0 ? '(none)' : values.map((v) => `'${v}'`).join(', ')

/**
 * Attributes DHIS2 requires that have no mapping (E1090 for the type, E1018 for a program), and
 * mappings that DHIS2 requires but the mapping lets pass without a value.
 */
export function checkMandatory(
    slots: readonly AttributeSlot[],
    mapped: ReadonlyMap<string, { mapping: AttributeMapping; path: PathSegment[] }>,
    owner: string,
    path: PathSegment[]
): MappingProblem[] {
    return slots
        .filter((slot) => slot.mandatory)
        .flatMap((slot) => {
            const found = mapped.get(slot.attribute.id)
            if (!found) {
                return [
                    problemAt(
                        path,
                        'error',
                        'mandatory-attribute-not-mapped',
                        `${owner} requires the attribute ${named(slot.attribute)}, which is not mapped: DHIS2 would reject every record`
                    ),
                ]
            }
            if (found.mapping.mandatory) return []
            return [
                problemAt(
                    [...found.path, 'mandatory'],
                    'warning',
                    'mandatory-mismatch',
                    `${owner} requires ${named(slot.attribute)}: set mandatory to true so a client without it is reported before anything is sent`
                ),
            ]
        })
}
