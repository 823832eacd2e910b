import { ApiRequest, ApiResponse, Dhis2Minor } from '../../contract'
import { formatDateTime } from '../dates'
import { JsonRecord, deepClone, isRecord } from '../json'
import { conflict, notFound, respond, webMessage } from '../webMessage'
import { JsonPatchOperation, applyJsonPatch, parseJsonPatch } from './jsonPatch'
import { MetadataStore } from './store'

const UPDATABLE = ['attributeValues', 'code', 'ignoreApproval'] as const

/**
 * CategoryOptionComboController's own PUT and PATCH (DHIS2-20312): 2.40.11, 2.41.8, 2.42.5 and
 * 2.43.0 onwards. Earlier releases update through the generic metadata import, which the sandbox
 * does not serve for single objects.
 */
export function hasCocUpdate(minor: Dhis2Minor, patch: number): boolean {
    if (minor === 40) return patch >= 11
    if (minor === 41) return patch >= 8
    if (minor === 42) return patch >= 5
    return minor >= 43
}

/**
 * `DefaultCategoryOptionComboService.updateCoc`: only `code`, `ignoreApproval` and
 * `attributeValues` change, each only when given (not null); everything else in the body
 * (name, category combo, options) is ignored.
 */
function updateCoc(persisted: JsonRecord, update: JsonRecord, now: Date): void {
    if (typeof update.code === 'string') persisted.code = update.code
    if (typeof update.ignoreApproval === 'boolean') persisted.ignoreApproval = update.ignoreApproval
    if (Array.isArray(update.attributeValues))
        persisted.attributeValues = update.attributeValues.filter(isRecord).map((av) => ({
            attribute: av.attribute,
            value: av.value,
        }))
    persisted.lastUpdated = formatDateTime(now)
}

/** The property a JSON patch path names (`JsonPointer.getMatchingProperty`): its first segment. */
const matchingProperty = (op: JsonPatchOperation): string => op.path.split('/')[1] ?? ''

/** `PUT`/`PATCH /api/categoryOptionCombos/{uid}` (CategoryOptionComboController). */
export function updateCategoryOptionCombo(
    store: MetadataStore,
    request: ApiRequest,
    now: Date
): ApiResponse | undefined {
    const match = /^categoryOptionCombos\/([^/]+)$/.exec(request.path)
    if (!match || (request.method !== 'PUT' && request.method !== 'PATCH')) return undefined
    const uid = match[1] ?? ''
    const persisted = store.get('categoryOptionCombos', uid)
    if (!persisted)
        return notFound(`CategoryOptionCombo with id ${uid} could not be found.`, request.minor)
    if (request.method === 'PUT') {
        updateCoc(persisted, isRecord(request.body) ? request.body : {}, now)
        return respond(200, webMessage(200, 'OK', undefined))
    }
    const patch = parseJsonPatch(request.body)
    if (!patch) return respond(400, webMessage(400, 'ERROR', 'Invalid JSON patch'))
    const updatable: readonly string[] = UPDATABLE
    if (patch.some((op) => !updatable.includes(matchingProperty(op))))
        return conflict(
            'Only properties [attributeValues, code, ignoreApproval] are updatable for Category option combo',
            request.minor,
            'E1134'
        )
    const patched = applyJsonPatch(deepClone(store.view('categoryOptionCombos', persisted)), patch)
    if (!patched) return respond(400, webMessage(400, 'ERROR', 'Invalid JSON patch'))
    updateCoc(persisted, patched, now)
    return respond(200, webMessage(200, 'OK', undefined))
}
