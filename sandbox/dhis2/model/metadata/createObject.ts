import { ApiRequest, ApiResponse } from '../../contract'
import { JsonRecord, asString, isRecord, records } from '../json'
import { badRequest, respond, webMessage } from '../webMessage'
import { importMetadata } from './import'
import { KLASS, READABLE_TYPES } from './schema'
import { MetadataStore } from './store'

/**
 * `POST /api/{collection}` with one JSON object (AbstractCrudController.postJsonObject): a
 * metadata import of that object alone, strategy CREATE, report FULL (`postObject`). Created:
 * 201 `{status: OK, response: {responseType: ObjectReport, uid, klass, errorReports: []}}` and a
 * Location header; otherwise the ObjectReport's errors as a 409 with status ERROR
 * (`WebMessageUtils.objectReport`, then `postObject` sets ERROR).
 */
export function createObject(
    store: MetadataStore,
    request: ApiRequest,
    now: Date
): ApiResponse | undefined {
    if (request.method !== 'POST') return undefined
    const collection = request.path
    if (!READABLE_TYPES.has(collection)) return undefined
    if (!isRecord(request.body)) return badRequest('Request body must be a JSON object')
    const params = new URLSearchParams(request.query)
    params.set('importStrategy', 'CREATE')
    params.set('importReportMode', 'FULL')
    const reply = importMetadata(store, { [collection]: [request.body] }, params, now)
    const report = isRecord(reply.body) && isRecord(reply.body.response) ? reply.body.response : {}
    const objectReport: JsonRecord = records(records(report.typeReports)[0]?.objectReports)[0] ?? {}
    const uid = asString(objectReport.uid)
    const errorReports = records(objectReport.errorReports)
    const response = {
        responseType: 'ObjectReport',
        uid,
        klass: KLASS[collection],
        errorReports,
    }
    if (reply.status === 200 && uid && errorReports.length === 0) {
        return respond(201, webMessage(201, 'OK', undefined, { response }), {
            Location: `${request.baseUrl}/api/${collection}/${uid}`,
        })
    }
    return respond(
        409,
        webMessage(
            409,
            'ERROR',
            'One or more errors occurred, please see full details in import report.',
            { response }
        )
    )
}
