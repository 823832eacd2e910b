/** dhis2-core `tracker/imports/AtomicModeIntegrationTest` (2.41) over the Web API. */
import type { CaseGroup } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    errorReports,
    fromJson,
    getTrackerObject,
    importTracker,
    reportStatus,
    trackerCase,
} from './support'

const METADATA = 'tracker/simple_metadata.json'
const PAYLOAD = 'tracker/one_valid_tei_and_one_invalid.json'

/** `trackedEntityService.getTrackedEntity(uid)` is not null: the Web API finds it. */
async function exists(
    sandbox: Parameters<typeof getTrackerObject>[0],
    uid: string
): Promise<boolean> {
    return (await getTrackerObject(sandbox, 'trackedEntities', uid)).httpStatus === 200
}

export function atomicModeCases(): CaseGroup {
    const name = (method: string) => `AtomicModeIntegrationTest.${method}`
    return {
        cases: [
            trackerCase(
                name('testImportSuccessWithAtomicModeObjectIfThereIsAnErrorInOneTEI'),
                METADATA,
                async (sandbox, dir) => {
                    const report = await importTracker(sandbox, fromJson(dir, PAYLOAD), {
                        atomicMode: 'OBJECT',
                    })
                    expectEqual(reportStatus(report), 'OK', 'status')
                    expectEqual(errorReports(report).length, 1, 'validation errors')
                    expectTrue(await exists(sandbox, 'VALIDTEIAAA'), 'VALIDTEIAAA is saved')
                    expectTrue(!(await exists(sandbox, 'INVALIDTEIA')), 'INVALIDTEIA is not saved')
                }
            ),
            trackerCase(
                name('testImportFailWithAtomicModeAllIfThereIsAnErrorInOneTEI'),
                METADATA,
                async (sandbox, dir) => {
                    const report = await importTracker(sandbox, fromJson(dir, PAYLOAD), {
                        atomicMode: 'ALL',
                    })
                    expectEqual(reportStatus(report), 'ERROR', 'status')
                    expectEqual(errorReports(report).length, 1, 'validation errors')
                    expectTrue(!(await exists(sandbox, 'VALIDTEIAAA')), 'VALIDTEIAAA is not saved')
                    expectTrue(!(await exists(sandbox, 'INVALIDTEIA')), 'INVALIDTEIA is not saved')
                }
            ),
        ],
        notExpressible: [],
    }
}
