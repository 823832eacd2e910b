import { ApiResponse } from '../../contract'
import { formatDateTime } from '../dates'
import { JsonRecord, asString, deepClone, isRecord, records } from '../json'
import { generateUid, isUid } from '../uid'
import { badRequest, respond, webMessage } from '../webMessage'
import { finishImport } from './derive'
import { collectReferences, rewriteReferences } from './references'
import { REQUIRED_PROPERTIES, VALUE_TYPES } from './required'
import {
    DEFAULT_CATEGORY,
    DEFAULT_CATEGORY_COMBO,
    DEFAULT_CATEGORY_OPTION,
    DEFAULT_COC,
    IMPORT_ORDER,
    KLASS,
    UNCHECKED_TYPES,
    simpleKlass,
} from './schema'
import { MetadataStore } from './store'

type Strategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE'
type Identifier = 'UID' | 'CODE' | 'AUTO'

interface ErrorReport {
    message: string
    mainKlass: string
    errorKlass?: string
    errorProperty?: string
    errorProperties?: string[]
    errorCode: string
    value?: string
}

interface Candidate {
    collection: string
    index: number
    object: JsonRecord
    uid: string
    exists: boolean
    errors: ErrorReport[]
    /** DHIS2's own default category object: left out of validation and commit. */
    isDefault: boolean
}

// `DefaultObjectBundleValidationService.cleanDefaults` / `Preheat.isDefault`: an object of a
// category class whose UID is that class's default is dropped from the bundle before validation,
// so a full export's `default` objects (e.g. an option without `shortName`) import without errors.
const DEFAULT_UIDS: Readonly<Record<string, string>> = {
    categoryOptions: DEFAULT_CATEGORY_OPTION,
    categories: DEFAULT_CATEGORY,
    categoryCombos: DEFAULT_CATEGORY_COMBO,
    categoryOptionCombos: DEFAULT_COC,
}

interface Stats {
    created: number
    updated: number
    deleted: number
    ignored: number
    total: number
}

const STAT_KEYS = ['created', 'updated', 'deleted', 'ignored', 'total'] as const

const zeroStats = (): Stats => ({ created: 0, updated: 0, deleted: 0, ignored: 0, total: 0 })

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
    const upper = value?.toUpperCase()
    return allowed.find((option) => option === upper) ?? fallback
}

function displayOf(object: JsonRecord, uid: string): string {
    const name = asString(object.name) ?? asString(object.code)
    return name ? `${name} [${uid}]` : uid
}

/** `POST /api/metadata` (§3.9) against `store`, as a superuser. */
export function importMetadata(
    store: MetadataStore,
    payload: unknown,
    params: URLSearchParams,
    now: Date
): ApiResponse {
    if (!isRecord(payload)) return badRequest('Request body must be a JSON object')
    const importMode = pick(params.get('importMode'), ['COMMIT', 'VALIDATE'], 'COMMIT')
    const strategy = pick<Strategy>(
        params.get('importStrategy'),
        ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'],
        'CREATE_AND_UPDATE'
    )
    const atomicMode = pick(params.get('atomicMode'), ['ALL', 'NONE'], 'ALL')
    const identifier = pick<Identifier>(params.get('identifier'), ['UID', 'CODE', 'AUTO'], 'UID')
    const fullReport =
        pick(params.get('importReportMode'), ['ERRORS', 'FULL', 'DEBUG'], 'ERRORS') !== 'ERRORS'

    const byCode = identifier !== 'UID'
    const candidates: Candidate[] = []
    for (const collection of IMPORT_ORDER) {
        records(payload[collection]).forEach((raw, index) => {
            const object = deepClone(raw)
            const code = asString(object.code)
            let uid = asString(object.id)
            if (!uid && byCode && code)
                uid = asString(store.find(collection, { type: 'CODE' }, code)?.id)
            const errors: ErrorReport[] = []
            if (uid !== undefined && !isUid(uid)) {
                errors.push({
                    message: `Invalid UID \`${uid}\` for property \`${simpleKlass(collection)}\``,
                    mainKlass: KLASS[collection] ?? collection,
                    errorProperty: 'id',
                    errorCode: 'E4014',
                    value: uid,
                })
            }
            uid ??= generateUid()
            object.id = uid
            candidates.push({
                collection,
                index,
                object,
                uid,
                exists: !!store.get(collection, uid),
                errors,
                isDefault: DEFAULT_UIDS[collection] === uid,
            })
        })
    }

    const inPayload = new Map<string, Candidate>()
    for (const c of candidates) inPayload.set(`${c.collection}:${c.uid}`, c)
    const resolveRef = (target: string, ref: JsonRecord): string | undefined => {
        const id = asString(ref.id)
        if (id && (store.get(target, id) || inPayload.has(`${target}:${id}`))) return id
        const code = asString(ref.code)
        if (!byCode || !code) return undefined
        const stored = asString(store.find(target, { type: 'CODE' }, code)?.id)
        if (stored) return stored
        return candidates.find((c) => c.collection === target && c.object.code === code)?.uid
    }

    for (const candidate of candidates)
        if (!candidate.isDefault) validate(candidate, strategy, resolveRef)

    const hasErrors = candidates.some((c) => c.errors.length > 0)
    const commit = importMode === 'COMMIT' && !(hasErrors && atomicMode === 'ALL')
    const statsByType = new Map<string, Stats>()
    const typeStats = (collection: string): Stats => {
        const found = statsByType.get(collection)
        if (found) return found
        const created = zeroStats()
        statsByType.set(collection, created)
        return created
    }
    for (const candidate of candidates) {
        const stats = typeStats(candidate.collection)
        if (candidate.isDefault) continue
        stats.total++
        if (!commit || candidate.errors.length > 0) {
            stats.ignored++
            continue
        }
        const stamp = formatDateTime(now)
        if (strategy === 'DELETE') {
            delete store.collections[candidate.collection]?.[candidate.uid]
            stats.deleted++
            continue
        }
        const previous = store.get(candidate.collection, candidate.uid)
        rewriteReferences(candidate.object, resolveRef)
        candidate.object.created =
            asString(previous?.created) ?? asString(candidate.object.created) ?? stamp
        candidate.object.lastUpdated = stamp
        store.put(candidate.collection, candidate.object)
        if (previous) stats.updated++
        else stats.created++
    }
    if (commit) finishImport(store)

    const status = !hasErrors ? 'OK' : atomicMode === 'ALL' ? 'ERROR' : 'WARNING'
    const total = zeroStats()
    const typeReports = [...statsByType.entries()].map(([collection, stats]) => {
        for (const key of STAT_KEYS) total[key] += stats[key]
        return {
            klass: KLASS[collection] ?? collection,
            stats,
            objectReports: candidates
                .filter(
                    (c) =>
                        c.collection === collection &&
                        !c.isDefault &&
                        (fullReport || c.errors.length > 0)
                )
                .map((c) => ({
                    klass: KLASS[collection] ?? collection,
                    index: c.index,
                    uid: c.uid,
                    ...(c.object.name !== undefined ? { displayName: c.object.name } : {}),
                    errorReports: c.errors,
                })),
        }
    })
    const report = { responseType: 'ImportReport', status, stats: total, typeReports }
    if (status === 'OK') return respond(200, webMessage(200, 'OK', undefined, { response: report }))
    return respond(
        409,
        webMessage(
            409,
            'WARNING',
            'One or more errors occurred, please see full details in import report.',
            { response: report }
        )
    )
}

function validate(
    candidate: Candidate,
    strategy: Strategy,
    resolveRef: (target: string, ref: JsonRecord) => string | undefined
): void {
    const { collection, object, uid } = candidate
    const mainKlass = KLASS[collection] ?? collection
    const add = (report: Omit<ErrorReport, 'mainKlass'>) =>
        candidate.errors.push({ mainKlass, ...report })
    if (strategy === 'CREATE' && candidate.exists) {
        add({
            message: `Found matching object for reference, but import mode is CREATE. Identifier was UID, and object was ${displayOf(object, uid)} (${simpleKlass(collection)}).`,
            errorCode: 'E5000',
            errorKlass: mainKlass,
        })
    }
    if ((strategy === 'UPDATE' || strategy === 'DELETE') && !candidate.exists) {
        add({
            message: `No matching object for reference. Identifier was UID, and object was ${displayOf(object, uid)} (${simpleKlass(collection)}).`,
            errorCode: 'E5001',
            errorKlass: mainKlass,
        })
    }
    if (strategy === 'DELETE' || UNCHECKED_TYPES.has(collection)) return
    for (const property of REQUIRED_PROPERTIES[collection] ?? []) {
        const value = object[property]
        if (value === undefined || value === null || value === '') {
            add({
                message: `Missing required property \`${property}\`.`,
                errorCode: 'E4000',
                errorProperty: property,
                errorKlass: mainKlass,
            })
        }
    }
    const valueType = asString(object.valueType)
    if (valueType !== undefined && !VALUE_TYPES.has(valueType)) {
        add({
            message: `Invalid value type \`${valueType}\` for property \`valueType\``,
            errorCode: 'E4001',
            errorProperty: 'valueType',
            value: valueType,
        })
    }
    for (const { property, target, ref } of collectReferences(object)) {
        if (resolveRef(target, ref)) continue
        const refText = asString(ref.id) ?? asString(ref.code) ?? JSON.stringify(ref)
        add({
            message: `Invalid reference [${refText}] (${simpleKlass(target)}) on object ${displayOf(object, uid)} (${simpleKlass(collection)}) for association \`${property}\``,
            errorCode: 'E5002',
            errorKlass: KLASS[target] ?? target,
            errorProperty: property,
            errorProperties: [refText, simpleKlass(target), displayOf(object, uid), property],
            value: refText,
        })
    }
}
