import { ModelContext } from '../context'
import { IdScheme } from '../metadata/store'
import { TrackerBundle } from './payload'

type SchemeParam =
    | 'orgUnitIdScheme'
    | 'programIdScheme'
    | 'programStageIdScheme'
    | 'dataElementIdScheme'
    | 'categoryOptionComboIdScheme'

function schemeOf(query: URLSearchParams, param: SchemeParam | 'idScheme'): IdScheme {
    const value = (
        query.get(param) ??
        (param === 'idScheme' ? 'UID' : query.get('idScheme')) ??
        'UID'
    ).trim()
    const upper = value.toUpperCase()
    if (upper.startsWith('ATTRIBUTE:'))
        return { type: 'ATTRIBUTE', attribute: value.slice('ATTRIBUTE:'.length) }
    if (upper === 'CODE' || upper === 'NAME') return { type: upper }
    return { type: 'UID' }
}

/**
 * The preheat's `TrackerIdSchemeParams`: metadata references sent by CODE, NAME or ATTRIBUTE
 * (`idScheme`, and `orgUnitIdScheme`, `programIdScheme`, … over it) are read as the objects they
 * name; one that names nothing is left as sent, for validation to report.
 */
export function withUidReferences(
    ctx: ModelContext,
    bundle: TrackerBundle,
    query: URLSearchParams
): TrackerBundle {
    const general = schemeOf(query, 'idScheme')
    const specific = (param: SchemeParam) => schemeOf(query, param)
    const schemes = [
        general,
        ...(
            [
                'orgUnitIdScheme',
                'programIdScheme',
                'programStageIdScheme',
                'dataElementIdScheme',
                'categoryOptionComboIdScheme',
            ] as const
        ).map(specific),
    ]
    if (schemes.every((s) => s.type === 'UID')) return bundle
    const resolve =
        (collection: string, scheme: IdScheme) =>
        (key: string | undefined): string | undefined => {
            if (key === undefined || scheme.type === 'UID') return key
            const found = ctx.store.find(collection, scheme, key)
            return found ? String(found.id) : key
        }
    const orgUnit = resolve('organisationUnits', specific('orgUnitIdScheme'))
    const program = resolve('programs', specific('programIdScheme'))
    const stage = resolve('programStages', specific('programStageIdScheme'))
    const dataElement = resolve('dataElements', specific('dataElementIdScheme'))
    const coc = resolve('categoryOptionCombos', specific('categoryOptionComboIdScheme'))
    const type = resolve('trackedEntityTypes', general)
    const attribute = resolve('trackedEntityAttributes', general)
    const relationshipType = resolve('relationshipTypes', general)
    const attributes = <T extends { attribute?: string }>(list: T[]): T[] =>
        list.map((a) => ({ ...a, attribute: attribute(a.attribute) }))
    return {
        trackedEntities: bundle.trackedEntities.map((te) => ({
            ...te,
            trackedEntityType: type(te.trackedEntityType),
            orgUnit: orgUnit(te.orgUnit),
            attributes: attributes(te.attributes),
        })),
        enrollments: bundle.enrollments.map((en) => ({
            ...en,
            program: program(en.program),
            orgUnit: orgUnit(en.orgUnit),
            attributes: attributes(en.attributes),
        })),
        events: bundle.events.map((ev) => ({
            ...ev,
            program: program(ev.program),
            programStage: stage(ev.programStage),
            orgUnit: orgUnit(ev.orgUnit),
            attributeOptionCombo: coc(ev.attributeOptionCombo),
            dataValues: ev.dataValues.map((dv) => ({
                ...dv,
                dataElement: dataElement(dv.dataElement),
            })),
        })),
        relationships: bundle.relationships.map((r) => ({
            ...r,
            relationshipType: relationshipType(r.relationshipType),
        })),
    }
}
