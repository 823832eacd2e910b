/**
 * dhis2-core `tracker/imports/bundle/RelationshipImportTest` (2.41) over the Web API. Its
 * `initTest` imports a tracked entity, an enrollment and an event (each asserted error-free) as
 * the fixture's admin `M5zQapPyTZI`, the sandbox's admin here.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual } from '../case'
import {
    assertNoErrors,
    fromJson,
    importMetadata,
    importTracker,
    reportStats,
    reportStatus,
    withSandbox,
} from './support'

const METADATA = 'tracker/simple_metadata.json'

/** `initTest`: the metadata, then single_tei, single_enrollment and single_event, each OK. */
function relationshipCase(
    method: string,
    body: (sandbox: Dhis2Sandbox, fixturesDir: string) => Promise<void>
): CoreCase {
    return {
        name: `RelationshipImportTest.${method}`,
        run: (dir) =>
            withSandbox(async (sandbox) => {
                await importMetadata(sandbox, dir, METADATA)
                for (const file of ['single_tei', 'single_enrollment', 'single_event']) {
                    const report = await importTracker(
                        sandbox,
                        fromJson(dir, `tracker/${file}.json`)
                    )
                    assertNoErrors(report, `initTest ${file}`)
                }
                await body(sandbox, dir)
            }),
    }
}

export function relationshipImportCases(): CaseGroup {
    return {
        cases: [
            relationshipCase('successImportingRelationships', async (sandbox, dir) => {
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/relationships.json')
                )
                expectEqual(reportStatus(report), 'OK', 'status')
                expectEqual(reportStats(report).created, 2, 'created')
            }),
            relationshipCase('successUpdateRelationships', async (sandbox, dir) => {
                await importTracker(sandbox, fromJson(dir, 'tracker/relationships.json'))
                const report = await importTracker(
                    sandbox,
                    fromJson(dir, 'tracker/relationshipToUpdate.json'),
                    { importStrategy: 'CREATE_AND_UPDATE' }
                )
                expectEqual(reportStatus(report), 'OK', 'status')
                expectEqual(reportStats(report).created, 0, 'created')
                expectEqual(reportStats(report).ignored, 1, 'ignored')
            }),
        ],
        notExpressible: [
            {
                name: 'RelationshipImportTest.shouldFailWhenUserNotAuthorizedToCreateRelationship',
                why:
                    "imports as the fixture user o1HMTIzBGo7 (foofi), whom only the metadata export's `users` " +
                    'create; the sandbox has no /api/users and importing users over /api/metadata would ' +
                    "replace the admin's password, so the Web API cannot act as that user",
            },
        ],
    }
}
