import { JsonRecord, asString, isRecord, records, refId, refIds } from '../json'
import { MetadataCollections } from '../state'
import { DEFAULT_CATEGORY_COMBO } from './schema'

/** An id scheme as DHIS2 parses it: `UID`, `CODE`, `NAME` or `ATTRIBUTE:<uid>`. */
export type IdScheme = { type: 'UID' | 'CODE' | 'NAME' } | { type: 'ATTRIBUTE'; attribute: string }

export function parseIdScheme(value: string | null | undefined): IdScheme | undefined {
    if (!value) return undefined
    const upper = value.toUpperCase()
    if (upper === 'UID' || upper === 'ID') return { type: 'UID' }
    if (upper === 'CODE') return { type: 'CODE' }
    if (upper === 'NAME') return { type: 'NAME' }
    if (upper.startsWith('ATTRIBUTE:')) return { type: 'ATTRIBUTE', attribute: value.slice(10) }
    return undefined
}

export function idSchemeName(scheme: IdScheme): string {
    return scheme.type === 'ATTRIBUTE' ? `ATTRIBUTE:${scheme.attribute}` : scheme.type
}

/** Read access to the metadata collections, with the derived views DHIS2 computes. */
export class MetadataStore {
    constructor(readonly collections: MetadataCollections) {}

    get(collection: string, uid: string | undefined): JsonRecord | undefined {
        if (uid === undefined) return undefined
        return this.collections[collection]?.[uid]
    }

    list(collection: string): JsonRecord[] {
        return Object.values(this.collections[collection] ?? {})
    }

    put(collection: string, object: JsonRecord): void {
        const id = asString(object.id)
        if (!id) return
        const target = (this.collections[collection] ??= {})
        target[id] = object
    }

    find(collection: string, scheme: IdScheme, key: string): JsonRecord | undefined {
        if (scheme.type === 'UID') return this.get(collection, key)
        const attribute = scheme.type === 'ATTRIBUTE' ? scheme.attribute : undefined
        return this.list(collection).find((object) => {
            if (scheme.type === 'CODE') return object.code === key
            if (scheme.type === 'NAME') return object.name === key
            return records(object.attributeValues).some(
                (av) => refId(av.attribute) === attribute && av.value === key
            )
        })
    }

    orgUnitPath(uid: string): string | undefined {
        const unit = this.get('organisationUnits', uid)
        return unit ? asString(unit.path) : undefined
    }

    /** True when `uid` is one of `roots` or below one of them. */
    isInHierarchy(uid: string, roots: readonly string[]): boolean {
        const path = this.orgUnitPath(uid)
        if (!path) return false
        const ancestors = path.split('/')
        return roots.some((root) => ancestors.includes(root))
    }

    categoryOptionCombosOf(comboId: string): JsonRecord[] {
        return this.list('categoryOptionCombos').filter(
            (coc) => refId(coc.categoryCombo) === comboId
        )
    }

    /** The combo's option combos; the default combo's list is the default option combo. */
    cocIdsOf(comboId: string | undefined): string[] {
        return this.categoryOptionCombosOf(comboId ?? DEFAULT_CATEGORY_COMBO).map((coc) =>
            String(coc.id)
        )
    }

    dataSetsOfDataElement(dataElementId: string): JsonRecord[] {
        return this.list('dataSets').filter((ds) =>
            records(ds.dataSetElements).some((dse) => refId(dse.dataElement) === dataElementId)
        )
    }

    dataElementIdsOfDataSet(dataSet: JsonRecord): string[] {
        return records(dataSet.dataSetElements)
            .map((dse) => refId(dse.dataElement))
            .filter((id): id is string => id !== undefined)
    }

    optionCodes(optionSetId: string | undefined): string[] | undefined {
        const optionSet = this.get('optionSets', optionSetId)
        if (!optionSet) return undefined
        const ids = refIds(optionSet.options)
        const own = ids.map((id) => this.get('options', id)).filter(isRecord)
        const backRefs = this.list('options').filter((o) => refId(o.optionSet) === optionSetId)
        return [...own, ...backRefs].map((o) => asString(o.code)).filter(isString)
    }

    /** The object as the API shows it: stored properties plus the derived ones. */
    view(collection: string, object: JsonRecord): JsonRecord {
        const id = asString(object.id) ?? ''
        const derived: JsonRecord = {}
        if (typeof object.name === 'string') derived.displayName = object.name
        if (typeof object.shortName === 'string') derived.displayShortName = object.shortName
        if (typeof object.formName === 'string') derived.displayFormName = object.formName
        if (collection === 'categoryCombos' && object.categoryOptionCombos === undefined) {
            derived.categoryOptionCombos = this.categoryOptionCombosOf(id).map((c) => ({
                id: c.id,
            }))
        }
        if (collection === 'dataElements' && object.dataSetElements === undefined) {
            derived.dataSetElements = this.dataSetsOfDataElement(id).map((ds) => ({
                dataSet: { id: ds.id },
                dataElement: { id },
            }))
        }
        if (collection === 'organisationUnits' && object.children === undefined) {
            derived.children = this.list('organisationUnits')
                .filter((unit) => refId(unit.parent) === id)
                .map((unit) => ({ id: unit.id }))
        }
        if (collection === 'optionSets' && object.options === undefined) {
            derived.options = this.list('options')
                .filter((o) => refId(o.optionSet) === id)
                .map((o) => ({ id: o.id }))
        }
        if (
            (collection === 'dataElements' || collection === 'trackedEntityAttributes') &&
            object.optionSetValue === undefined
        ) {
            derived.optionSetValue = refId(object.optionSet) !== undefined
        }
        return { ...object, ...derived }
    }
}

function isString(value: string | undefined): value is string {
    return value !== undefined
}
