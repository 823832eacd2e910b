import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext } from '../context'
import { withoutUndefined } from '../json'
import { parsePeriod } from '../periods'
import { StoredDataValueAudit } from '../state'
import { respond } from '../webMessage'

export function recordAudit(ctx: ModelContext, audit: StoredDataValueAudit): void {
    const audits = ctx.state.dataValueAudits ?? []
    audits.push(audit)
    ctx.state.dataValueAudits = audits
}

const listParam = (query: URLSearchParams, name: string): string[] =>
    query
        .getAll(name)
        .flatMap((v) => v.split(','))
        .filter((v) => v !== '')

/**
 * `GET /api/audits/dataValue` (ChangeLogController.getAggregateDataValueAudit, 2.41): audits
 * filtered by data elements `de` (or the elements of data sets `ds`), periods `pe`, org units
 * `ou`, option combo `co`, attribute option combo `cc` and `auditType`, newest first; paged
 * unless `skipPaging=true` / `paging=false`.
 */
export function readDataValueAudits(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query } = request
    const dataElements = new Set([
        ...listParam(query, 'de'),
        ...listParam(query, 'ds').flatMap((id) => {
            const dataSet = ctx.store.get('dataSets', id)
            return dataSet ? ctx.store.dataElementIdsOfDataSet(dataSet) : []
        }),
    ])
    const periods = new Set(listParam(query, 'pe').map((p) => parsePeriod(p)?.id ?? p))
    const orgUnits = new Set(listParam(query, 'ou'))
    const types = new Set(listParam(query, 'auditType'))
    const co = query.get('co')
    const cc = query.get('cc')
    const matches = [...(ctx.state.dataValueAudits ?? [])]
        .reverse()
        .filter(
            (a) =>
                (dataElements.size === 0 || dataElements.has(a.dataElement)) &&
                (periods.size === 0 || periods.has(a.period)) &&
                (orgUnits.size === 0 || orgUnits.has(a.orgUnit)) &&
                (!co || a.categoryOptionCombo === co) &&
                (!cc || a.attributeOptionCombo === cc) &&
                (types.size === 0 || types.has(a.auditType))
        )
        .map((a) => withoutUndefined({ ...a }))
    const skipPaging = query.get('skipPaging') === 'true' || query.get('paging') === 'false'
    if (skipPaging) return respond(200, { dataValueAudits: matches })
    const pageSize = Math.max(1, Number(query.get('pageSize') ?? 50) || 50)
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1)
    return respond(200, {
        pager: {
            page,
            pageCount: Math.max(1, Math.ceil(matches.length / pageSize)),
            total: matches.length,
            pageSize,
        },
        dataValueAudits: matches.slice((page - 1) * pageSize, page * pageSize),
    })
}
