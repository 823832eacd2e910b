import { JsonRecord } from '../json'

/**
 * `POST /api/dataValueSets` with `Content-Type: application/adx+xml` (DataValueSetController
 * .postAdxDataValueSet → AdxDataService.saveDataValueSet, which turns each ADX `group` into a DXF2
 * data value set and imports that). The sandbox reads ADX documents that carry no data value: an
 * `adx` root, groups without `dataValue`s, imports nothing and succeeds as DHIS2 does. ADX data
 * values need ADX periods (`2022-01-01/P1M`) and disaggregation by category codes, which the
 * sandbox does not model: such a document is left unread (undefined), never guessed at.
 */
export const isAdx = (contentType: string | undefined): boolean =>
    /^application\/adx\+xml\b/i.test(contentType ?? '')

export function readAdx(xml: string): JsonRecord | undefined {
    const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '')
    const names = [...text.matchAll(/<([\w:.-]+)[\s/>]/g)].map((m) =>
        (m[1] ?? '').replace(/^.*:/, '')
    )
    if (names[0] !== 'adx') return undefined
    if (names.some((name) => name !== 'adx' && name !== 'group')) return undefined
    return { dataValues: [] }
}
