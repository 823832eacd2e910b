/**
 * @jest-environment node
 */
import type { Dhis2Minor } from './contract'
import {
    BD,
    api,
    asJson,
    asList,
    isJson,
    start,
    stopAll,
    summaryOf,
} from './connectorPaths.support'
import {
    DEFAULT_AOC,
    FOUR,
    MINORS,
    PARAMS,
    monthly,
    post,
    stored,
    written,
} from './connectorPaths.dataValueSupport'
import { OPERATOR } from './testUtils'

/**
 * dataValueSets periods and async jobs as the connector uses them (reference §3.1, §7): weekly
 * period spellings, `async=true` with task polling and taskSummaries, on 2.40–2.43.
 */

afterEach(stopAll)

describe.each(MINORS)('weekly periods on 2.%i', (minor) => {
    // DHIS2 parses `yyyyWn` and `yyyyWnn` alike (PeriodTypeEnum: 6 or 7 characters) and stores the
    // period by its ISO name `2024W1`; the two spellings are one period.
    it('accepts 2024W1 and 2024W01 as the same period, stored as 2024W1', async () => {
        const { url } = await start(minor)
        const weekly = (period: string) => ({
            dataSet: BD.weekly,
            period,
            orgUnit: BD.ward1,
            attributeOptionCombo: DEFAULT_AOC,
            dataValues: [
                { dataElement: BD.weeklyPenta1, categoryOptionCombo: BD.male, value: '4' },
            ],
        })
        const first = await post(url, weekly('2024W1'))
        expect(first.status).toBe(200)
        const second = await post(url, weekly('2024W01'))
        expect(second.status).toBe(200)
        expect(summaryOf(second.body).importCount).toEqual(
            minor >= 43
                ? { imported: 0, updated: 1, ignored: 0, deleted: 0 }
                : { imported: 0, updated: 0, ignored: 1, deleted: 0 }
        )
        const values = await stored(url, '2024W1', BD.weekly)
        expect(values.map((v) => v.period)).toEqual(['2024W1'])
        expect(await stored(url, '2024W01', BD.weekly)).toHaveLength(1)
    })
})

describe.each(MINORS)('async dataValueSets on 2.%i', (minor) => {
    it('async=true: job → task notifications → taskSummaries (plain ImportSummary)', async () => {
        const { url, clock } = await start(minor)
        const reply = await post(url, monthly(FOUR), `${PARAMS}&async=true`)
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({
            httpStatus: 'OK',
            status: 'OK',
            // Before 2.41 the job is `dataValueImport`; from 2.41 `DATAVALUE_IMPORT (<millis>)`.
            message: expect.stringMatching(
                minor >= 41 ? /^Initiated DATAVALUE_IMPORT \(\d+\)$/ : /^Initiated dataValueImport$/
            ),
            response: { jobType: 'DATAVALUE_IMPORT' },
        })
        const response = asJson(asJson(reply.body).response)
        const id = String(response.id)
        expect(response.relativeNotifierEndpoint).toBe(`/api/system/tasks/DATAVALUE_IMPORT/${id}`)
        // 2.42.0–2.42.4 and 2.43.0 (the defaults) say JobConfigurationWebMessageResponse (§7).
        expect(response.responseType).toBe(
            minor >= 42 ? 'JobConfigurationWebMessageResponse' : 'JobConfiguration'
        )

        const tasks = async () =>
            asList(
                (await api(`${url}${String(response.relativeNotifierEndpoint)}`, 'GET', OPERATOR))
                    .body
            )
        const pending = await tasks()
        expect(pending[0]?.completed).toBe(false)
        // Not ready yet: DHIS2 answers 200 with an empty body (SystemController), not 404.
        const early = await api(
            `${url}/api/system/taskSummaries/DATAVALUE_IMPORT/${id}`,
            'GET',
            OPERATOR
        )
        expect(early.status).toBe(200)
        expect(early.body).toBeUndefined()
        expect(await stored(url)).toEqual([])

        clock.advance(1000)
        const done = await tasks()
        expect(done[0]).toMatchObject({ completed: true, category: 'DATAVALUE_IMPORT' })
        const summary = await api(
            `${url}/api/system/taskSummaries/DATAVALUE_IMPORT/${id}`,
            'GET',
            OPERATOR
        )
        expect(summary.status).toBe(200)
        expect(isJson(summary.body) && 'httpStatus' in summary.body).toBe(false)
        expect(summary.body).toMatchObject({ responseType: 'ImportSummary', status: 'SUCCESS' })
        expect(asJson(summary.body).importCount).toEqual(written(minor, 4, 0))
        expect(await stored(url)).toHaveLength(4)
    })
})

it.each([
    [42, 5, 'JobConfiguration'],
    [43, 1, 'JobConfiguration'],
] as Array<[Dhis2Minor, number, string]>)(
    'async responseType on 2.%i.%i is %s (DHIS2-21364, §7)',
    async (minor, patch, expected) => {
        const { url } = await start(minor, { patch })
        const reply = await post(url, monthly(FOUR), `${PARAMS}&async=true`)
        expect(asJson(asJson(reply.body).response).responseType).toBe(expected)
    }
)
