import type { PathSegment } from './configPath'
import type { MappingProblem, MetadataFacts } from './mappingProblems'
import { byId, named, problemAt } from './mappingProblems'
import type { Mappings } from './types'

/**
 * Explicit matches must name existing org units, assigned to the programs and data sets that
 * will receive their data; an `attribute` rule must name a unique org unit attribute.
 */
export function checkOrgUnitMapping(mappings: Mappings, facts: MetadataFacts): MappingProblem[] {
    const problems: MappingProblem[] = []
    if (facts.attributes) {
        const attributes = byId(facts.attributes)
        mappings.orgUnits.rules.forEach((rule, r) => {
            if (rule.by !== 'attribute') return
            const path: PathSegment[] = ['orgUnits', 'rules', r, 'attribute']
            const attribute = attributes.get(rule.attribute)
            if (!attribute) {
                problems.push(
                    problemAt(
                        path,
                        'error',
                        'attribute-not-found',
                        `the attribute ${rule.attribute} does not exist in DHIS2`
                    )
                )
            } else if (!attribute.organisationUnitAttribute) {
                problems.push(
                    problemAt(
                        path,
                        'error',
                        'not-org-unit-attribute',
                        `${named(attribute)} is not an org unit attribute`
                    )
                )
            } else if (!attribute.unique) {
                problems.push(
                    problemAt(
                        path,
                        'warning',
                        'attribute-not-unique',
                        `${named(attribute)} is not unique: two org units may hold the same location id`
                    )
                )
            }
        })
    }
    if (!facts.orgUnits) return problems
    const orgUnits = byId(facts.orgUnits)
    const receivers = [
        ...(mappings.tracker?.programs ?? []).flatMap((p) => {
            const program = facts.programs.find((f) => f.id === p.program)
            return program
                ? [{ what: named(program), units: new Set(program.organisationUnits) }]
                : []
        }),
        ...(mappings.aggregate?.dataSets ?? []).flatMap((d) => {
            const dataSet = facts.dataSets.find((f) => f.id === d.dataSet)
            return dataSet
                ? [{ what: named(dataSet), units: new Set(dataSet.organisationUnits) }]
                : []
        }),
    ]
    for (const [location, uid] of Object.entries(mappings.orgUnits.explicit)) {
        const path: PathSegment[] = ['orgUnits', 'explicit', location]
        const orgUnit = orgUnits.get(uid)
        if (!orgUnit) {
            problems.push(
                problemAt(
                    path,
                    'error',
                    'org-unit-not-found',
                    `the org unit ${uid} does not exist in DHIS2, or this user may not see it`
                )
            )
            continue
        }
        const missing = receivers.filter((r) => !r.units.has(uid)).map((r) => r.what)
        if (missing.length === 0) continue
        problems.push(
            problemAt(
                path,
                'warning',
                'org-unit-not-assigned',
                `${named(orgUnit)} is not assigned to ${missing.join(', ')}: DHIS2 will refuse its data there`
            )
        )
    }
    return problems
}
