import { JsonRecord } from '../json'

/**
 * `POST /api/dataValueSets` with `Content-Type: application/xml` (DataValueSetController.postDxf2
 * → DefaultDataValueSetService.importDataValueSetXml → XmlDataValueSetReader): the `dataValueSet`
 * element's attributes are the header, each `dataValue` element's attributes a value. Read into
 * the JSON body's shape so the one importer serves both. As DHIS2's reader:
 * - only the attributes XmlDataValueSetReader reads count (`timestamp`, `created` … are ignored);
 * - follow-up is read from `followUp` (capital U), `deleted` is `Boolean.valueOf`;
 * - an empty attribute reads as absent (staxwax's `getAttributeValue`, which
 *   DataValueSetServiceIntegrationTest.testImportNullDataValues relies on: `value="" comment=""`
 *   is a value "not specified", E7618).
 */
const HEADER = [
    'idScheme',
    'dataElementIdScheme',
    'orgUnitIdScheme',
    'categoryOptionComboIdScheme',
    'dataSetIdScheme',
    'importStrategy',
    'dataSet',
    'completeDate',
    'period',
    'orgUnit',
    'attributeOptionCombo',
] as const

const VALUE = [
    'dataElement',
    'period',
    'orgUnit',
    'categoryOptionCombo',
    'attributeOptionCombo',
    'value',
    'storedBy',
    'comment',
] as const

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
        if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
        if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
        return ENTITIES[name] ?? whole
    })
}

/** The attributes of one start tag (`<name a="1" b='2'/>`), names without a namespace prefix. */
function attributesOf(tag: string): Map<string, string> {
    const attributes = new Map<string, string>()
    for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        const name = (match[1] ?? '').replace(/^.*:/, '')
        attributes.set(name, decode(match[3] ?? match[4] ?? ''))
    }
    return attributes
}

/** Start tags by local name, in document order, outside comments and processing instructions. */
function startTags(xml: string): Array<{ name: string; attributes: Map<string, string> }> {
    const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '')
    const tags: Array<{ name: string; attributes: Map<string, string> }> = []
    for (const match of text.matchAll(/<([\w:.-]+)((?:\s+[^>]*?)?)\/?>/g)) {
        const name = (match[1] ?? '').replace(/^.*:/, '')
        tags.push({ name, attributes: attributesOf(match[2] ?? '') })
    }
    return tags
}

const present = (value: string | undefined): value is string => value !== undefined && value !== ''

/** The payload as the JSON body DHIS2 would read; undefined when there is no `dataValueSet`. */
export function readDataValueSetXml(xml: string): JsonRecord | undefined {
    const tags = startTags(xml)
    const root = tags.find((t) => t.name === 'dataValueSet')
    if (!root) return undefined
    const body: JsonRecord = {}
    for (const key of HEADER) {
        const value = root.attributes.get(key)
        if (present(value)) body[key] = value
    }
    // `setDryRun("true".equals(…) ? true : null)`
    if (root.attributes.get('dryRun') === 'true') body.dryRun = true
    body.dataValues = tags
        .filter((t) => t.name === 'dataValue')
        .map((t) => {
            const value: JsonRecord = {}
            for (const key of VALUE) {
                const text = t.attributes.get(key)
                if (present(text)) value[key] = text
            }
            value.followup = t.attributes.get('followUp') === 'true'
            value.deleted = t.attributes.get('deleted')?.toLowerCase() === 'true'
            return value
        })
    return body
}
