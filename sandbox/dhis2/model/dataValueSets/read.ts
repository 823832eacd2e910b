import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext } from '../context'
import { parseDateTime } from '../dates'
import { JsonRecord, withoutUndefined } from '../json'
import { parseIdScheme } from '../metadata/store'
import { overlaps, parsePeriod } from '../periods'
import { conflict, respond } from '../webMessage'
import { uidOf } from './resolve'
import { DEFAULT_COC } from '../metadata/schema'

function listParam(query: URLSearchParams, name: string): string[] {
    return query
        .getAll(name)
        .flatMap((v) => v.split(','))
        .filter((v) => v !== '')
}

/** `GET /api/dataValueSets` (§3.1): values as stored, for data sets/elements × periods × org units. */
export function readDataValueSets(ctx: ModelContext, request: ApiRequest): ApiResponse {
    const { query, minor, user } = request
    const scheme = parseIdScheme(query.get('idScheme')) ?? { type: 'UID' as const }
    const dataSets = listParam(query, 'dataSet').map((key) =>
        ctx.store.find('dataSets', parseIdScheme(query.get('dataSetIdScheme')) ?? scheme, key)
    )
    const dataElementKeys = listParam(query, 'dataElement')
    if (dataSets.length === 0 && dataElementKeys.length === 0) {
        return conflict(
            'At least one valid data set or data element group must be specified',
            minor,
            'E2001'
        )
    }
    if (dataSets.some((ds) => ds === undefined))
        return conflict(
            'At least one valid data set or data element group must be specified',
            minor,
            'E2001'
        )
    const periods = listParam(query, 'period').map(parsePeriod)
    if (periods.some((p) => p === undefined))
        return conflict(
            'At least one valid period, start/end dates or last updated must be specified',
            minor,
            'E2002'
        )
    const start = query.get('startDate') ? parseDateTime(query.get('startDate') ?? '') : undefined
    const end = query.get('endDate') ? parseDateTime(query.get('endDate') ?? '') : undefined
    if (periods.length === 0 && !(start && end)) {
        return conflict(
            'At least one valid period, start/end dates or last updated must be specified',
            minor,
            'E2002'
        )
    }
    const orgUnits = listParam(query, 'orgUnit').map((key) =>
        ctx.store.find(
            'organisationUnits',
            parseIdScheme(query.get('orgUnitIdScheme')) ?? scheme,
            key
        )
    )
    if (orgUnits.length === 0 || orgUnits.some((ou) => ou === undefined)) {
        return conflict('At least one valid organisation unit must be specified', minor, 'E2006')
    }
    const ouIds = orgUnits.map(uidOf)
    const viewScope =
        user.dataViewOrganisationUnits.length > 0
            ? user.dataViewOrganisationUnits
            : user.organisationUnits
    const outside = ouIds.find(
        (id) => !ctx.store.isInHierarchy(id, [...viewScope, ...user.organisationUnits])
    )
    if (outside)
        return conflict(`User is not allowed to view org unit: \`${outside}\``, minor, 'E2012')
    const children = query.get('children') === 'true'
    const includeDeleted = query.get('includeDeleted') === 'true'
    const deIds = new Set([
        ...dataSets.flatMap((ds) => (ds ? ctx.store.dataElementIdsOfDataSet(ds) : [])),
        ...dataElementKeys.map((key) => uidOf(ctx.store.find('dataElements', scheme, key))),
    ])
    const periodIds = new Set(periods.map((p) => p?.id))
    const values: JsonRecord[] = []
    for (const dv of Object.values(ctx.state.dataValues)) {
        if (dv.deleted && !includeDeleted) continue
        if (!deIds.has(dv.dataElement)) continue
        if (children ? !ctx.store.isInHierarchy(dv.orgUnit, ouIds) : !ouIds.includes(dv.orgUnit))
            continue
        if (periodIds.size > 0 && !periodIds.has(dv.period)) continue
        if (start && end) {
            const period = parsePeriod(dv.period)
            if (!period || !overlaps(period, start, end)) continue
            if (period.start.getTime() < start.getTime() || period.end.getTime() > end.getTime())
                continue
        }
        values.push(
            withoutUndefined({
                dataElement: dv.dataElement,
                period: dv.period,
                orgUnit: dv.orgUnit,
                categoryOptionCombo: dv.categoryOptionCombo,
                attributeOptionCombo: dv.attributeOptionCombo,
                value: dv.value,
                storedBy: dv.storedBy,
                created: dv.created,
                lastUpdated: dv.lastUpdated,
                comment: dv.comment,
                followup: dv.followup,
                deleted: includeDeleted ? dv.deleted : undefined,
            })
        )
    }
    const body: JsonRecord = {}
    const onlyDataSet = dataSets.length === 1 ? dataSets[0] : undefined
    if (onlyDataSet && periods.length === 1 && ouIds.length === 1 && !children) {
        const [ouId] = ouIds
        const periodId = periods[0]?.id ?? ''
        body.dataSet = uidOf(onlyDataSet)
        const completed =
            ctx.state.completions[[uidOf(onlyDataSet), periodId, ouId, DEFAULT_COC].join('|')]
        if (completed) body.completeDate = completed
        body.period = periodId
        body.orgUnit = ouId
    }
    body.dataValues = values
    return respond(200, body)
}
