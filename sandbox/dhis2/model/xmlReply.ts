import { ApiResponse } from '../contract'
import { JsonRecord, isRecord } from './json'

/**
 * DHIS2 answers `Accept: application/xml` with its Jackson XML mapper: the WebMessage as
 * `<webMessage xmlns="http://dhis2.org/schema/dxf/2.0" httpStatus=… httpStatusCode=… status=…>`,
 * a plain (pre-2.38 path) summary as `<importSummary …>`, no XML declaration. The properties
 * annotated `@JacksonXmlProperty(isAttribute = true)` are attributes (WebMessage, ImportCount,
 * ImportConflict, `responseType` of every response, ObjectReport `klass`/`uid`); everything else
 * is an element, lists wrapped in an element of their own name (Jackson's default).
 */
const DXF = 'http://dhis2.org/schema/dxf/2.0'

const ATTRIBUTES = new Set([
    'httpStatus',
    'httpStatusCode',
    'status',
    'code',
    'errorCode',
    'responseType',
    'klass',
    'uid',
    'imported',
    'updated',
    'ignored',
    'deleted',
    'object',
    'value',
    'property',
])

/** Where an ImportSummary sits: the plain answer, or a WebMessage's `response`. */
const SUMMARY_HOLDERS = new Set(['importSummary', 'response'])

/** `ImportSummary.getConflicts`: wrapper `conflicts`, items `conflict`. */
const ITEM_NAMES: Readonly<Record<string, string>> = { conflicts: 'conflict' }

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

const scalar = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined

function element(name: string, value: unknown, root = false, summary = false): string {
    const ns = root ? ` xmlns="${DXF}"` : ''
    if (Array.isArray(value)) {
        const item = ITEM_NAMES[name] ?? name
        return `<${name}${ns}>${value.map((v) => element(item, v)).join('')}</${name}>`
    }
    if (!isRecord(value)) {
        const text = scalar(value)
        return text === undefined ? '' : `<${name}${ns}>${escape(text)}</${name}>`
    }
    // An ImportSummary's `status` is an element; the WebMessage's and a conflict's an attribute.
    const asAttribute = (key: string) =>
        ATTRIBUTES.has(key) && !(summary && key === 'status') && scalar(value[key]) !== undefined
    const attributes = Object.keys(value)
        .filter(asAttribute)
        .map((key) => ` ${key}="${escape(scalar(value[key]) ?? '')}"`)
        .join('')
    const children = Object.entries(value)
        .filter(([key]) => !asAttribute(key))
        .map(([key, child]) => element(key, child, false, isSummary(key, child)))
        .join('')
    return `<${name}${ns}${attributes}>${children}</${name}>`
}

const isSummary = (key: string, value: unknown): boolean =>
    SUMMARY_HOLDERS.has(key) && isRecord(value) && value.responseType === 'ImportSummary'

/** The XML rendering of a JSON answer: a WebMessage, or a plain ImportSummary. */
export function asXml(response: ApiResponse): ApiResponse {
    const body: JsonRecord | undefined = isRecord(response.body) ? response.body : undefined
    if (!body) return response
    const plainSummary = !('httpStatusCode' in body) && body.responseType === 'ImportSummary'
    const name = plainSummary ? 'importSummary' : 'webMessage'
    return {
        ...response,
        body: element(name, body, true, plainSummary),
        contentType: 'application/xml;charset=UTF-8',
    }
}

/** Spring's content negotiation as it matters here: XML asked for, JSON not. */
export function wantsXml(accept: string | undefined): boolean {
    if (!accept) return false
    return /(application|text)\/xml/i.test(accept) && !/json/i.test(accept)
}
