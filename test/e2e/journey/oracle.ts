import { counts, dhis2State } from '../../integration/cliSupport'
import { adminGet } from '../support/dhis2'
import { check, field, listOf, stringOf } from '../support/check'

/** What DHIS2 holds of the connector's data: tracked entities, enrollments, events, values. */
export const dhis2Counts = async (dhis2: string) => counts(await dhis2State(dhis2))

export interface StoredError {
    sourceId: string
    code: string
    orgUnit: string | undefined
}

/** A run report as the connector stored it in the dataStore, read as admin. */
export interface StoredReport {
    id: string
    dryRun: boolean
    status: string
    errors: StoredError[]
    trackerCreated: number | undefined
    aggregateWritten: number | undefined
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : undefined)

export async function storedReport(dhis2: string, runId: string): Promise<StoredReport> {
    const keys = listOf(await adminGet(dhis2, 'dataStore/opensrp-connector'))
    const key = keys.find(
        (k) => typeof k === 'string' && k.startsWith('run.') && k.endsWith(`.${runId}`)
    )
    check(typeof key === 'string', `no report of run ${runId} in the dataStore`)
    const report = await adminGet(dhis2, `dataStore/opensrp-connector/${key}`)
    const summary = field(report, 'summary')
    return {
        id: runId,
        dryRun: field(report, 'dryRun') === true,
        status: stringOf(field(summary, 'status')) ?? '',
        errors: listOf(field(summary, 'errors')).map((e) => ({
            sourceId: stringOf(field(e, 'sourceId')) ?? '',
            code: stringOf(field(e, 'code')) ?? '',
            orgUnit: stringOf(field(e, 'orgUnit')),
        })),
        trackerCreated: numberOf(field(field(summary, 'tracker'), 'created')),
        aggregateWritten: numberOf(field(field(summary, 'aggregate'), 'written')),
    }
}

/** Org unit names by id, as admin. */
export async function orgUnitNames(dhis2: string): Promise<Map<string, string>> {
    const answer = await adminGet(dhis2, 'organisationUnits?fields=id,name&paging=false')
    return new Map(
        listOf(field(answer, 'organisationUnits')).flatMap((ou) => {
            const id = stringOf(field(ou, 'id'))
            const name = stringOf(field(ou, 'name'))
            return id && name ? [[id, name] as const] : []
        })
    )
}
