import { countEvent, dataValueSetOf, type MonthlyCounts } from './aggregateCounts'
import { objectAt, postJson, stringAt, type BasicCredentials } from './http'
import { sexCode } from './legacyPayloads'
import { clientPages, eventPages } from './openSrpPages'
import type { OrgUnitTable } from './orgUnits'

/**
 * The seed's monthly job (DHIS2ConnectorListener.vaccinationAggregatorDataCountForSendingToDHIS2),
 * run over the whole history: read the clients (for the sex breakdown the data elements need),
 * count every event, then POST one dataValueSet per month, one after another.
 */

export interface AggregateCounts {
    clientsRead: number
    eventsRead: number
    months: number
    dataValues: number
    imported: number
    updated: number
    ignored: number
    failedMonths: number
    firstErrors: string[]
}

export interface AggregateOptions {
    dhis2Url: string
    opensrpUrl: string
    credentials: BasicCredentials
    orgUnits: OrgUnitTable
}

const countOf = (body: unknown, key: string): number => {
    const importCount =
        objectAt(body, 'importCount') ?? objectAt(objectAt(body, 'response'), 'importCount')
    const value = importCount?.[key]
    return typeof value === 'number' ? value : 0
}

export async function pushMonthlyCounts(options: AggregateOptions): Promise<AggregateCounts> {
    const result: AggregateCounts = {
        clientsRead: 0,
        eventsRead: 0,
        months: 0,
        dataValues: 0,
        imported: 0,
        updated: 0,
        ignored: 0,
        failedMonths: 0,
        firstErrors: [],
    }
    const sexes = new Map<string, 'MALE' | 'FEMALE'>()
    for await (const page of clientPages(options.opensrpUrl)) {
        result.clientsRead += page.length
        for (const client of page) {
            const id = stringAt(client, 'baseEntityId')
            const sex = sexCode(client)
            if (id && sex) sexes.set(id, sex)
        }
    }
    const counts: MonthlyCounts = new Map()
    for await (const page of eventPages(options.opensrpUrl)) {
        result.eventsRead += page.length
        for (const event of page) countEvent(counts, event, options.orgUnits, (id) => sexes.get(id))
    }
    for (const period of [...counts.keys()].sort()) {
        const set = dataValueSetOf(period, counts.get(period) ?? new Map())
        const reply = await postJson(
            `${options.dhis2Url}/api/dataValueSets`,
            options.credentials,
            set
        )
        result.months++
        result.dataValues += set.dataValues.length
        result.imported += countOf(reply.body, 'imported')
        result.updated += countOf(reply.body, 'updated')
        result.ignored += countOf(reply.body, 'ignored')
        if (reply.status !== 200) {
            result.failedMonths++
            if (result.firstErrors.length < 5)
                result.firstErrors.push(
                    `${period}: dataValueSets answered ${reply.status} ${stringAt(reply.body, 'message') ?? ''}`
                )
        }
    }
    return result
}
