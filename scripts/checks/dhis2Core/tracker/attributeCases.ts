/**
 * dhis2-core `tracker/imports/bundle/TrackedEntityAttributeTest` and
 * `TrackedEntityProgramAttributeTest` (2.41) over the Web API.
 */
import type { CaseGroup } from '../case'
import { expectEqual } from '../case'
import {
    allAttributeValues,
    allTrackedEntities,
    asArray,
    assertNoErrors,
    fromJson,
    getTrackerObject,
    importTracker,
    trackerCase,
} from './support'

const TEA_METADATA = 'tracker/te_with_tea_metadata.json'
const TEA_DATA = 'tracker/te_with_tea_data.json'
const PROGRAM_TEA_METADATA = 'tracker/te_program_with_tea_metadata.json'

const sorted = (values: Iterable<string>): string[] => [...values].sort()

function trackedEntityAttributeCases(): CaseGroup {
    const name = (method: string) => `TrackedEntityAttributeTest.${method}`
    return {
        cases: [
            trackerCase(
                name('testTrackedAttributeValueBundleImporter'),
                TEA_METADATA,
                async (sandbox, dir) => {
                    assertNoErrors(await importTracker(sandbox, fromJson(dir, TEA_DATA)))
                    const trackedEntities = await allTrackedEntities(sandbox)
                    expectEqual(trackedEntities.length, 1, 'tracked entities')
                    const values = await allAttributeValues(
                        sandbox,
                        String(trackedEntities[0]?.trackedEntity)
                    )
                    expectEqual(values.size, 3, 'attribute values')
                }
            ),
            trackerCase(
                name('shouldSetStoredByToAuthenticatedUserForTrackedEntityAttributeValue'),
                TEA_METADATA,
                async (sandbox, dir) => {
                    assertNoErrors(await importTracker(sandbox, fromJson(dir, TEA_DATA)))
                    const trackedEntities = await allTrackedEntities(sandbox)
                    expectEqual(trackedEntities.length, 1, 'tracked entities')
                    const te = await getTrackerObject(sandbox, 'trackedEntities', 'CLR1fvPj4ic', {
                        fields: 'attributes[attribute,storedBy]',
                    })
                    const storedBy = asArray(te.body.attributes).map((a) => a.storedBy)
                    expectEqual(storedBy, ['admin', 'admin', 'admin'], 'storedBy of each value')
                }
            ),
            trackerCase(
                name('shouldUpdateExistingAttributeValueWhenImportingWithNonUidIdScheme'),
                TEA_METADATA,
                async (sandbox, dir) => {
                    assertNoErrors(await importTracker(sandbox, fromJson(dir, TEA_DATA)))
                    const update = {
                        trackedEntities: [
                            {
                                trackedEntity: 'CLR1fvPj4ic',
                                trackedEntityType: 'Person',
                                orgUnit: 'Country',
                                attributes: [
                                    { attribute: 'Attribute_Text', value: 'updated value' },
                                ],
                            },
                        ],
                    }
                    assertNoErrors(
                        await importTracker(sandbox, update, {
                            importStrategy: 'UPDATE',
                            idScheme: 'NAME',
                            orgUnitIdScheme: 'NAME',
                        })
                    )
                    const trackedEntities = await allTrackedEntities(sandbox)
                    const values = await allAttributeValues(
                        sandbox,
                        String(trackedEntities[0]?.trackedEntity)
                    )
                    expectEqual(values.size, 3, 'attribute values')
                    expectEqual(values.get('TsfP85GKsU5'), 'updated value', 'updated value')
                }
            ),
            trackerCase(
                name('shouldNotPersistAttributeValueWhenImportingEmptyValueForAttributeNotInDb'),
                TEA_METADATA,
                async (sandbox) => {
                    const te = 'Te0empty001'
                    const payload = {
                        trackedEntities: [
                            {
                                trackedEntity: te,
                                trackedEntityType: 'KrYIdvLxkMb',
                                orgUnit: 'cNEZTkdAvmg',
                                attributes: [
                                    { attribute: 'sYn3tkL3XKa', value: '123' },
                                    { attribute: 'TsfP85GKsU5', value: '' },
                                ],
                            },
                        ],
                    }
                    assertNoErrors(await importTracker(sandbox, payload))
                    const values = await allAttributeValues(sandbox, te)
                    expectEqual(sorted(values.keys()), ['sYn3tkL3XKa'], 'stored attributes')
                }
            ),
            trackerCase(
                name('shouldDeleteAttributeValueWhenImportingEmptyValueForExistingAttribute'),
                TEA_METADATA,
                async (sandbox, dir) => {
                    assertNoErrors(await importTracker(sandbox, fromJson(dir, TEA_DATA)))
                    const update = {
                        trackedEntities: [
                            {
                                trackedEntity: 'CLR1fvPj4ic',
                                trackedEntityType: 'KrYIdvLxkMb',
                                orgUnit: 'cNEZTkdAvmg',
                                attributes: [{ attribute: 'TsfP85GKsU5', value: '' }],
                            },
                        ],
                    }
                    assertNoErrors(
                        await importTracker(sandbox, update, { importStrategy: 'UPDATE' })
                    )
                    const values = await allAttributeValues(sandbox, 'CLR1fvPj4ic')
                    expectEqual(
                        sorted(values.keys()),
                        sorted(['sYn3tkL3XKa', 'sTGqP5JNy6E']),
                        'stored attributes'
                    )
                }
            ),
        ],
        notExpressible: [
            {
                name: name('testTrackedAttributePreheater'),
                why: 'asserts on TrackerPreheatService.preheat, a Java-only step with no Web API',
            },
        ],
    }
}

function trackedEntityProgramAttributeCases(): CaseGroup {
    const name = (method: string) => `TrackedEntityProgramAttributeTest.${method}`
    const importAndCount = async (
        sandbox: Parameters<Parameters<typeof trackerCase>[2]>[0],
        dir: string,
        file: string,
        importStrategy: string
    ): Promise<void> => {
        assertNoErrors(await importTracker(sandbox, fromJson(dir, file), { importStrategy }), file)
        const trackedEntities = await allTrackedEntities(sandbox)
        expectEqual(trackedEntities.length, 1, `tracked entities after ${file}`)
        const values = await allAttributeValues(sandbox, String(trackedEntities[0]?.trackedEntity))
        expectEqual(values.size, 5, `attribute values after ${file}`)
    }
    return {
        cases: [
            trackerCase(
                name('testTrackedEntityProgramAttributeValue'),
                PROGRAM_TEA_METADATA,
                (sandbox, dir) =>
                    importAndCount(
                        sandbox,
                        dir,
                        'tracker/te_program_with_tea_data.json',
                        'CREATE_AND_UPDATE'
                    )
            ),
            trackerCase(
                name('testTrackedEntityProgramAttributeValueUpdate'),
                PROGRAM_TEA_METADATA,
                async (sandbox, dir) => {
                    await importAndCount(
                        sandbox,
                        dir,
                        'tracker/te_program_with_tea_data.json',
                        'CREATE_AND_UPDATE'
                    )
                    await importAndCount(
                        sandbox,
                        dir,
                        'tracker/te_program_with_tea_update_data.json',
                        'CREATE_AND_UPDATE'
                    )
                }
            ),
            trackerCase(
                name('testTrackedEntityProgramAttributeValueUpdateAndDelete'),
                PROGRAM_TEA_METADATA,
                async (sandbox, dir) => {
                    await importAndCount(
                        sandbox,
                        dir,
                        'tracker/te_program_with_tea_data.json',
                        'CREATE_AND_UPDATE'
                    )
                    await importAndCount(
                        sandbox,
                        dir,
                        'tracker/te_program_with_tea_update_data.json',
                        'CREATE_AND_UPDATE'
                    )
                    const file = 'tracker/te_program_with_tea_delete_data.json'
                    assertNoErrors(
                        await importTracker(sandbox, fromJson(dir, file), {
                            importStrategy: 'DELETE',
                        }),
                        file
                    )
                    expectEqual((await allTrackedEntities(sandbox)).length, 0, 'tracked entities')
                }
            ),
        ],
        notExpressible: [],
    }
}

export function attributeCases(): CaseGroup {
    const groups = [trackedEntityAttributeCases(), trackedEntityProgramAttributeCases()]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}
