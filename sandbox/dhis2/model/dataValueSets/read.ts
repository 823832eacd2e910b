import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext } from '../context'
import { parseDateTime } from '../dates'
import { JsonRecord, withoutUndefined } from '../json'
import { IdScheme, parseIdScheme } from '../metadata/store'
import { overlaps, parsePeriod } from '../periods'
import { conflict, respond } from '../webMessage'
import { canDataRead } from '../sharing'
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
    // Objects are looked up by the `input*IdScheme`s (`idScheme`, `orgUnitIdScheme` … name the
    // output), unknown keys dropped (`DataValueSetQueryParams.getInputIdSchemes`, `getFromUrl`).
    const general = parseIdScheme(query.get('inputIdScheme')) ?? { type: 'UID' as const }
    const input = (name: string) => parseIdScheme(query.get(name)) ?? general
    const known = (collection: string, scheme: IdScheme, keys: string[]): JsonRecord[] =>
        keys
            .map((key) => ctx.store.find(collection, scheme, key))
            .filter((object): object is JsonRecord => object !== undefined)
    const dataSets = known('dataSets', input('inputDataSetIdScheme'), listParam(query, 'dataSet'))
    const dataElements = known(
        'dataElements',
        input('inputDataElementIdScheme'),
        listParam(query, 'dataElement')
    )
    const periods = listParam(query, 'period')
        .map(parsePeriod)
        .filter((p) => p !== undefined)
    const start = query.get('startDate') ? parseDateTime(query.get('startDate') ?? '') : undefined
    const end = query.get('endDate') ? parseDateTime(query.get('endDate') ?? '') : undefined
    const orgUnits = known(
        'organisationUnits',
        input('inputOrgUnitIdScheme'),
        listParam(query, 'orgUnit')
    )
    // DefaultDataValueSetService.validate: every failed check replaces the previous one.
    let error: [string, string] | undefined
    if (dataSets.length === 0 && dataElements.length === 0)
        error = [
            'E2001',
            'At least one data element, data set or data element group must be specified',
        ]
    if (periods.length === 0 && !(start && end) && !query.get('lastUpdated'))
        error = [
            'E2002',
            'At least one period, start/end dates, last updated or last updated duration must be specified',
        ]
    if (orgUnits.length === 0)
        error = [
            'E2006',
            'At least one organisation unit or organisation unit group must be specified',
        ]
    if (error) return conflict(error[1], minor, error[0])
    // DefaultDataValueSetService.decideAccess: data read sharing on each data set (E2010), then
    // the org units in the user's data view hierarchy (E2012).
    const unreadable = dataSets.find((ds) => !canDataRead(user, ds))
    if (unreadable)
        return conflict(
            `User is not allowed to read data for data set: \`${uidOf(unreadable)}\``,
            minor,
            'E2010'
        )
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
        ...dataElements.map(uidOf),
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
