import { ApiRequest } from '../../contract'
import { readDataValueSetCsv } from './csvReader'
import { readDataValueSetXml } from './xmlReader'

export const isCsvPost = (request: ApiRequest): boolean =>
    /^(application|text)\/csv\b/.test((request.contentType ?? '').toLowerCase())

/**
 * The data value set of a POST, read by its content type as DataValueSetController's mappings do:
 * `application/xml`/`text/xml` (postDxf2), `application/csv`/`text/csv` (postCsv), else JSON.
 */
export function dataValueSetBody(request: ApiRequest): unknown {
    const type = (request.contentType ?? '').toLowerCase()
    if (/^(application|text)\/xml\b/.test(type))
        return readDataValueSetXml(request.rawBody.toString('utf8'))
    if (isCsvPost(request)) {
        const dataSet = request.query.get('dataSet') ?? undefined
        return readDataValueSetCsv(
            request.rawBody.toString('utf8'),
            request.query.get('firstRowIsHeader') !== 'false',
            dataSet === '' ? undefined : dataSet
        )
    }
    return request.body
}
