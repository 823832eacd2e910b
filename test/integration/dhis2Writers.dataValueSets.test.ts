/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import type { Dhis2Sandbox } from '../../sandbox/dhis2'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { createDataValueSetsWriter } from '../../src/adapters/dhis2/dataValueSetsWriter'
import type { Engine, ServerVersion } from '../../src/adapters/dhis2/writerEngine'
import { engineFor } from './support/dhis2Engine'
import {
    BCG,
    CENTRE,
    CENTRE_2,
    FEMALE,
    MALE,
    MONTHLY,
    OPV0,
    UNION,
    dataValue,
    dataValuesInDhis2,
    realClock,
} from './support/dhis2WriterData'

const LOCKED = '202404'
const commit = { dryRun: false }

describe.each([38, 40, 41, 42, 43] as const)('the dataValueSets writer on DHIS2 2.%i', (minor) => {
    let dhis2: Dhis2Sandbox
    let engine: Engine
    let version: ServerVersion

    beforeAll(async () => {
        dhis2 = await startDhis2Sandbox({
            minor,
            asyncJobDelayMs: 5,
            lockedPeriods: [{ dataSet: MONTHLY, period: LOCKED }],
        })
        ;({ engine, version } = await engineFor(dhis2, 'operator'))
    })
    afterAll(() => dhis2.close())

    const writer = (asyncThreshold = 1000) =>
        createDataValueSetsWriter(engine, version, {
            clock: realClock,
            asyncThreshold,
            pollIntervalMs: 10,
        })

    it('creates values, then updates them and sets one to zero', async () => {
        const first = await writer().importDataValues(
            MONTHLY,
            [dataValue(BCG, '5'), dataValue(OPV0, '3')],
            commit
        )
        expect(first).toMatchObject({ status: 'OK', rejectedIndexes: [], conflicts: [] })
        expect(first.counts.created + first.counts.updated).toBe(2)

        const second = await writer().importDataValues(
            MONTHLY,
            [dataValue(BCG, '6'), dataValue(OPV0, '0')],
            commit
        )
        expect(second).toMatchObject({ status: 'OK', rejectedIndexes: [] })
        expect(second.counts.created).toBe(0)
        expect(await dataValuesInDhis2(engine, CENTRE)).toMatchObject({
            [`${BCG}/${MALE}`]: '6',
            [`${OPV0}/${MALE}`]: '0',
        })
    })

    it('rejects a locked period and an org unit outside the data set, and writes the rest', async () => {
        const values = [
            dataValue(BCG, '7', { orgUnit: CENTRE_2, categoryOptionCombo: FEMALE }),
            dataValue(BCG, '8', { orgUnit: CENTRE_2, period: LOCKED }),
            dataValue(BCG, '9', { orgUnit: UNION }),
            dataValue(OPV0, '4', { orgUnit: CENTRE_2, categoryOptionCombo: FEMALE }),
        ]
        const result = await writer().importDataValues(MONTHLY, values, commit)

        expect(result.failure).toBeUndefined()
        expect(result.rejectedIndexes).toEqual([1, 2])
        expect(result.conflicts.length).toBeGreaterThanOrEqual(2)
        for (const conflict of result.conflicts) expect(conflict.code).toMatch(/^E[78]\d{3}$/)
        expect(await dataValuesInDhis2(engine, CENTRE_2)).toEqual({
            [`${BCG}/${FEMALE}`]: '7',
            [`${OPV0}/${FEMALE}`]: '4',
        })
        expect(await dataValuesInDhis2(engine, CENTRE_2, LOCKED)).toEqual({})
        expect(await dataValuesInDhis2(engine, UNION)).toEqual({})
    })

    it('writes nothing on a dry run, yet says what would happen', async () => {
        const orgUnit = 'Pe7dSEo3ZQ0'
        const result = await writer().importDataValues(
            MONTHLY,
            [
                dataValue(BCG, '2', { orgUnit }),
                dataValue(BCG, '-1', { orgUnit, categoryOptionCombo: FEMALE }),
            ],
            { dryRun: true }
        )
        expect(result.rejectedIndexes).toEqual([1])
        expect(await dataValuesInDhis2(engine, orgUnit)).toEqual({})
    })

    it('imports a payload over the threshold as an async job', async () => {
        const orgUnit = 'tpbvYgRmDd3'
        const result = await writer(1).importDataValues(
            MONTHLY,
            [dataValue(BCG, '11', { orgUnit }), dataValue(OPV0, '12', { orgUnit })],
            commit
        )
        expect(result).toMatchObject({ status: 'OK', rejectedIndexes: [] })
        expect(await dataValuesInDhis2(engine, orgUnit)).toEqual({
            [`${BCG}/${MALE}`]: '11',
            [`${OPV0}/${MALE}`]: '12',
        })
    })
})
