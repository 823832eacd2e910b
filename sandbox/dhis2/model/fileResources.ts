import { ApiRequest, ApiResponse } from '../contract'
import { ModelContext } from './context'
import { formatDateTime } from './dates'
import { JsonRecord } from './json'
import { generateUid, isUid } from './uid'
import { badRequest, notFound, respond } from './webMessage'

/** A stored `FileResource`: what was uploaded and whether a value now owns it. */
export interface StoredFileResource {
    id: string
    name: string
    contentType: string
    contentLength: number
    domain: string
    created: string
    assigned: boolean
    /** The UID of the tracked entity (or event) whose value holds it. */
    owner?: string
}

const DOMAINS = [
    'DATA_VALUE',
    'PUSH_ANALYSIS',
    'DOCUMENT',
    'MESSAGE_ATTACHMENT',
    'USER_AVATAR',
    'ORG_UNIT',
    'ICON',
    'JOB_DATA',
]

/** The `file` part of a multipart body: its file name, content type and size. */
function filePart(
    request: ApiRequest
): { name: string; contentType: string; size: number } | undefined {
    const boundary = /boundary=("?)([^";]+)\1/.exec(request.contentType ?? '')?.[2]
    if (!boundary) return undefined
    const text = request.rawBody.toString('latin1')
    for (const part of text.split(`--${boundary}`)) {
        const headerEnd = part.indexOf('\r\n\r\n')
        if (headerEnd < 0) continue
        const headers = part.slice(0, headerEnd)
        if (!/name="file"/.test(headers)) continue
        const name = /filename="([^"]*)"/.exec(headers)?.[1] ?? 'file'
        const contentType =
            /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream'
        const size = Math.max(0, part.length - headerEnd - 4 - 2)
        return { name, contentType, size }
    }
    return undefined
}

function fileResourceJson(fr: StoredFileResource): JsonRecord {
    return {
        id: fr.id,
        name: fr.name,
        created: fr.created,
        lastUpdated: fr.created,
        contentType: fr.contentType,
        contentLength: fr.contentLength,
        domain: fr.domain,
        storageStatus: 'STORED',
        assigned: fr.assigned,
    }
}

/**
 * `POST /api/fileResources` (multipart `file`, `domain`, optional `uid`; 202 with the
 * FileResource, `FileResourceController.saveFileResource`) and `GET /api/fileResources/{uid}`.
 * The content itself is not kept.
 */
export function handleFileResources(
    ctx: ModelContext,
    request: ApiRequest
): ApiResponse | undefined {
    const stored = (ctx.state.fileResources ??= {})
    if (request.path === 'fileResources' && request.method === 'POST') {
        const file = filePart(request)
        if (!file) return badRequest("Required request part 'file' is not present")
        const domain = (request.query.get('domain') ?? 'DATA_VALUE').toUpperCase()
        if (!DOMAINS.includes(domain))
            return badRequest(`Value '${domain}' is not valid for parameter domain.`)
        const uid = request.query.get('uid') ?? generateUid()
        if (!isUid(uid)) return badRequest(`Invalid UID: ${uid}`)
        const fr: StoredFileResource = {
            id: uid,
            name: file.name,
            contentType: file.contentType,
            contentLength: file.size,
            domain,
            created: formatDateTime(ctx.now()),
            assigned: false,
        }
        stored[uid] = fr
        return respond(202, {
            httpStatus: 'Accepted',
            httpStatusCode: 202,
            status: 'OK',
            response: { responseType: 'FileResource', fileResource: fileResourceJson(fr) },
        })
    }
    const one = /^fileResources\/([^/]+)$/.exec(request.path)
    if (one && request.method === 'GET') {
        const fr = stored[one[1] ?? '']
        if (!fr)
            return notFound(`FileResource with id ${one[1] ?? ''} could not be found.`, ctx.minor)
        return respond(200, fileResourceJson(fr))
    }
    return undefined
}

const FILE_TYPES = new Set(['FILE_RESOURCE', 'IMAGE'])

export function isFileValueType(valueType: string | undefined): boolean {
    return valueType !== undefined && FILE_TYPES.has(valueType)
}

/**
 * `AbstractTrackerPersister` (`assignFileResource`): a file or image attribute value written to a
 * tracked entity marks its file resource assigned, owned by that tracked entity.
 */
export function assignFileResources(
    ctx: ModelContext,
    owner: string,
    values: ReadonlyArray<{ attribute?: string; value: string | null }>
): void {
    for (const { attribute, value } of values) {
        if (!value) continue
        const valueType = ctx.store.get('trackedEntityAttributes', attribute)?.valueType
        if (typeof valueType !== 'string' || !isFileValueType(valueType)) continue
        const fr = ctx.state.fileResources?.[value]
        if (fr) Object.assign(fr, { assigned: true, owner })
    }
}
