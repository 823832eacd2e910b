/**
 * dhis2-core `tracker/imports/bundle/LastUpdateImportTest` (2.41) over the Web API: the tests
 * that read lastUpdated of live objects (updatedAt in the tracker views).
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import { assertNoErrors, fromJson, getTrackerObject, importTracker, trackerCase } from './support'
import type { JsonObject } from './support'

const TE = 'IOR1AXXl24H'

async function trackedEntity(s: Dhis2Sandbox): Promise<JsonObject> {
    const response = await getTrackerObject(s, 'trackedEntities', TE, {
        fields: 'updatedAt,attributes',
    })
    expectEqual(response.httpStatus, 200, `GET tracked entity ${TE}`)
    return response.body
}

const time = (value: unknown): number => Date.parse(`${String(value)}Z`)

export function lastUpdateCases(): CaseGroup {
    const name = (method: string) => `LastUpdateImportTest.${method}`
    // initTest: single_tei, another_single_te, single_enrollment, single_event, each without errors.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), 'tracker/simple_metadata.json', async (s, dir) => {
            for (const file of [
                'single_tei',
                'another_single_te',
                'single_enrollment',
                'single_event',
            ])
                assertNoErrors(await importTracker(s, fromJson(dir, `tracker/${file}.json`)), file)
            await body(s, dir)
        })
    return {
        cases: [
            test('shouldUpdateTeiWhenTeiIsUpdated', async (s, dir) => {
                const before = await trackedEntity(s)
                const payload = fromJson(dir, 'tracker/single_tei.json')
                assertNoErrors(await importTracker(s, payload, { importStrategy: 'UPDATE' }))
                const after = await trackedEntity(s)
                expectTrue(
                    time(after.updatedAt) > time(before.updatedAt),
                    `the tracked entity lastUpdated has not been updated after the import (${String(before.updatedAt)} → ${String(after.updatedAt)})`
                )
            }),
        ],
        notExpressible: [
            'shouldUpdateTEALastUpdatedWhenTEAIsUpdated',
            'shouldNotUpdateTEALastUpdatedWhenTEAIsNotUpdated',
        ].map((method) => ({
            name: name(method),
            why: "its attribute toDelete000 belongs to neither the tracked entity type nor any program, and the Web API shows a tracked entity's values only for its type's attributes (and a program's, with program=), so the value and its lastUpdated cannot be read back",
        })),
    }
}
