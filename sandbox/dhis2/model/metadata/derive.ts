import { JsonRecord, asString, refId, refIds } from '../json'
import { generateUid } from '../uid'
import { MetadataStore } from './store'

/** What DHIS2 computes after a metadata import: org unit paths/levels, back-references, option combos. */
export function finishImport(store: MetadataStore): void {
    computeOrgUnitPaths(store)
    for (const optionSet of store.list('optionSets')) {
        for (const id of refIds(optionSet.options)) {
            const option = store.get('options', id)
            if (option && !refId(option.optionSet)) option.optionSet = { id: optionSet.id }
        }
    }
    for (const program of store.list('programs')) {
        for (const id of refIds(program.programStages)) {
            const stage = store.get('programStages', id)
            if (stage && !refId(stage.program)) stage.program = { id: program.id }
        }
    }
    for (const combo of store.list('categoryCombos')) generateOptionCombos(store, combo)
}

function computeOrgUnitPaths(store: MetadataStore): void {
    const paths = new Map<string, string>()
    const pathOf = (uid: string, seen: Set<string>): string => {
        const known = paths.get(uid)
        if (known) return known
        const parent = refId(store.get('organisationUnits', uid)?.parent)
        const path =
            parent && store.get('organisationUnits', parent) && !seen.has(parent)
                ? `${pathOf(parent, new Set([...seen, uid]))}/${uid}`
                : `/${uid}`
        paths.set(uid, path)
        return path
    }
    for (const unit of store.list('organisationUnits')) {
        const uid = String(unit.id)
        const path = pathOf(uid, new Set([uid]))
        unit.path = path
        unit.level = path.split('/').length - 1
    }
}

/**
 * DHIS2 keeps one option combo per combination of the combo's category options, generating the
 * missing ones (with new UIDs) when a combo is saved.
 */
function generateOptionCombos(store: MetadataStore, combo: JsonRecord): void {
    const categories = refIds(combo.categories).map((id) => store.get('categories', id))
    if (categories.length === 0 || categories.some((c) => c === undefined)) return
    let combinations: string[][] = [[]]
    for (const category of categories) {
        const options = refIds(category?.categoryOptions)
        combinations = combinations.flatMap((prefix) => options.map((o) => [...prefix, o]))
    }
    const existing = store.categoryOptionCombosOf(String(combo.id))
    for (const combination of combinations) {
        const key = [...combination].sort().join(',')
        const found = existing.some(
            (coc) => [...refIds(coc.categoryOptions)].sort().join(',') === key
        )
        if (found) continue
        const name = combination
            .map((id) => asString(store.get('categoryOptions', id)?.name) ?? id)
            .join(', ')
        store.put('categoryOptionCombos', {
            id: generateUid(),
            name,
            ignoreApproval: false,
            categoryCombo: { id: combo.id },
            categoryOptions: combination.map((id) => ({ id })),
            created: combo.lastUpdated,
            lastUpdated: combo.lastUpdated,
        })
    }
}
