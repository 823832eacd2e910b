/**
 * dhis2-core `tracker/imports/bundle/TrackedEntityProgramAttributeFileResourceTest`,
 * `TrackedEntityProgramAttributeEncryptionTest` and
 * `tracker/imports/validation/TeTaEncryptionValidationTest` (2.41) over the Web API.
 */
import type { CaseGroup } from '../case'
import { expectEqual } from '../case'
import {
    allAttributeValues,
    allTrackedEntities,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    importTracker,
    trackerCase,
} from './support'
import { fileResourceAssigned, uploadFileResource } from './validationAttributes'

export function fileAndEncryptionCases(): CaseGroup {
    const V = 'tracker/validations/'
    const encryption = `${V}te-program_with_tea_encryption_metadata.json`
    const teTa = (method: string) => `TeTaEncryptionValidationTest.${method}`
    return {
        cases: [
            trackerCase(
                'TrackedEntityProgramAttributeFileResourceTest.testTrackedEntityProgramAttributeFileResourceValue',
                'tracker/te_program_with_tea_fileresource_metadata.json',
                async (s, dir) => {
                    await uploadFileResource(s, 'Jzf6hHNP7jx')
                    expectEqual(
                        await fileResourceAssigned(s, 'Jzf6hHNP7jx'),
                        false,
                        'assigned before'
                    )
                    const data = fromJson(dir, 'tracker/te_program_with_tea_fileresource_data.json')
                    assertNoErrors(await importTracker(s, data))
                    const trackedEntities = await allTrackedEntities(s)
                    expectEqual(trackedEntities.length, 1, 'tracked entities')
                    const values = await allAttributeValues(
                        s,
                        String(trackedEntities[0]?.trackedEntity)
                    )
                    expectEqual(values.size, 5, 'attribute values')
                    expectEqual(
                        await fileResourceAssigned(s, 'Jzf6hHNP7jx'),
                        true,
                        'assigned after'
                    )
                }
            ),
            trackerCase(teTa('testUniqueFailInOrgUnit'), encryption, async (s, dir) => {
                const inCountry = `${V}te-program_with_tea_unique_data_in_country.json`
                assertNoErrors(await importTracker(s, fromJson(dir, inCountry)), 'first')
                const again = await importTracker(s, fromJson(dir, inCountry), {
                    importStrategy: 'CREATE_AND_UPDATE',
                })
                assertNoErrors(again, 'again')
                const inRegion = `${V}te-program_with_tea_unique_data_in_region.json`
                const region = await importTracker(s, fromJson(dir, inRegion), {
                    importStrategy: 'CREATE_AND_UPDATE',
                })
                assertNoErrors(region, 'region')
            }),
            trackerCase(teTa('testUniqueFail'), encryption, async (s, dir) => {
                assertNoErrors(
                    await importTracker(
                        s,
                        fromJson(dir, `${V}te-program_with_tea_unique_data.json`)
                    )
                )
                const second = await importTracker(
                    s,
                    fromJson(dir, `${V}te-program_with_tea_unique_data2.json`)
                )
                assertHasOnlyErrors(second, 'E1064')
            }),
        ],
        notExpressible: [
            {
                name: 'TrackedEntityProgramAttributeEncryptionTest.testTrackedEntityProgramAttributeEncryptedValue',
                why: 'asserts on the encryptedvalue column of trackedentityattributevalue through SQL; the Web API only ever shows decrypted values',
            },
        ],
    }
}
