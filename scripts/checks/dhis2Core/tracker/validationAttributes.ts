/**
 * dhis2-core `tracker/imports/validation/TeTaValidationTest` and `EnrollmentAttrValidationTest`
 * (2.41) over the Web API.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    ADMIN_AUTH,
    allAttributeValues,
    allTrackedEntities,
    asObject,
    assertHasErrors,
    assertHasOnlyErrors,
    assertNoErrors,
    fromJson,
    importTracker,
    request,
    trackerCase,
} from './support'

const V = 'tracker/validations/'

/** `fromJson` + `importTracker` with Java's default TrackerImportParams. */
const importFile = (sandbox: Dhis2Sandbox, dir: string, file: string) =>
    importTracker(sandbox, fromJson(dir, `${V}${file}`))

/**
 * `fileResourceService.asyncSaveFileResource` of the Java test: a DOCUMENT file resource with the
 * given UID, through `POST /api/fileResources?domain=DOCUMENT&uid=…` (multipart, as 2.41 takes it).
 */
export async function uploadFileResource(sandbox: Dhis2Sandbox, uid: string): Promise<void> {
    const form = new FormData()
    form.append('file', new Blob([''], { type: 'application/pdf' }), 'test.pdf')
    const response = await fetch(`${sandbox.url}/api/fileResources?domain=DOCUMENT&uid=${uid}`, {
        method: 'POST',
        headers: { Authorization: ADMIN_AUTH },
        body: form,
    })
    expectTrue(
        response.status === 202 || response.status === 200,
        `upload file resource: HTTP ${response.status}`
    )
}

export async function fileResourceAssigned(sandbox: Dhis2Sandbox, uid: string): Promise<unknown> {
    const response = await request(sandbox, 'GET', `fileResources/${uid}`)
    return asObject(response.body).assigned
}

function teTaCases(): CaseGroup {
    const name = (method: string) => `TeTaValidationTest.${method}`
    const metadata = `${V}te-program_with_tea_fileresource_metadata.json`
    const onlyErrors = (method: string, file: string, code: string): CoreCase =>
        trackerCase(name(method), metadata, async (sandbox, dir) => {
            assertHasOnlyErrors(await importFile(sandbox, dir, file), code)
        })
    const importWithFile = async (sandbox: Dhis2Sandbox, dir: string): Promise<void> => {
        await uploadFileResource(sandbox, 'Jzf6hHNP7jx')
        expectEqual(await fileResourceAssigned(sandbox, 'Jzf6hHNP7jx'), false, 'assigned before')
        await importFile(sandbox, dir, 'te-program_with_tea_fileresource_data.json')
        const trackedEntities = await allTrackedEntities(sandbox)
        expectEqual(trackedEntities.length, 1, 'tracked entities')
        const values = await allAttributeValues(sandbox, String(trackedEntities[0]?.trackedEntity))
        expectEqual(values.size, 1, 'attribute values')
        expectEqual(await fileResourceAssigned(sandbox, 'Jzf6hHNP7jx'), true, 'assigned after')
    }
    return {
        cases: [
            trackerCase(
                name('testTrackedEntityProgramAttributeFileResourceValue'),
                metadata,
                importWithFile
            ),
            trackerCase(name('testFileAlreadyAssign'), metadata, async (sandbox, dir) => {
                await importWithFile(sandbox, dir)
                const again = await importFile(
                    sandbox,
                    dir,
                    'te-program_with_tea_fileresource_data2.json'
                )
                assertHasOnlyErrors(again, 'E1009')
            }),
            trackerCase(name('testNoFileRef'), metadata, async (sandbox, dir) => {
                const report = await importFile(
                    sandbox,
                    dir,
                    'te-program_with_tea_fileresource_data.json'
                )
                assertHasOnlyErrors(report, 'E1007')
                expectEqual((await allTrackedEntities(sandbox)).length, 0, 'tracked entities')
            }),
            onlyErrors(
                'testTeaMaxTextValueLength',
                'te-program_with_tea_too_long_text_value.json',
                'E1077'
            ),
            onlyErrors(
                'testTeaInvalidFormat',
                'te-program_with_tea_invalid_format_value.json',
                'E1007'
            ),
            onlyErrors(
                'testTeaInvalidImage',
                'te-program_with_tea_invalid_image_value.json',
                'E1007'
            ),
            onlyErrors('testTeaIsNull', 'te-program_with_tea_invalid_value_isnull.json', 'E1076'),
        ],
        notExpressible: [],
    }
}

function enrollmentAttrCases(): CaseGroup {
    const name = (method: string) => `EnrollmentAttrValidationTest.${method}`
    const metadata = 'tracker/tracker_basic_metadata_mandatory_attr.json'
    // initTest: the metadata, then enrollments_te_te-data_2.json imported without errors.
    const withData = (
        method: string,
        body: (sandbox: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), metadata, async (sandbox, dir) => {
            assertNoErrors(await importFile(sandbox, dir, 'enrollments_te_te-data_2.json'), 'setup')
            await body(sandbox, dir)
        })
    const onlyErrors = (method: string, file: string, code: string): CoreCase =>
        withData(method, async (sandbox, dir) => {
            assertHasOnlyErrors(await importFile(sandbox, dir, file), code)
        })
    return {
        cases: [
            onlyErrors(
                'failValidationWhenTrackedEntityAttributeHasWrongOptionValue',
                'enrollments_te_with_invalid_option_value.json',
                'E1125'
            ),
            withData(
                'successValidationWhenTrackedEntityAttributeHasValidOptionValue',
                async (sandbox, dir) => {
                    assertNoErrors(
                        await importFile(
                            sandbox,
                            dir,
                            'enrollments_te_with_valid_option_value.json'
                        )
                    )
                }
            ),
            onlyErrors(
                'testAttributesMissingUid',
                'enrollments_te_attr-missing-uuid.json',
                'E1075'
            ),
            onlyErrors(
                'testAttributesMissingValues',
                'enrollments_te_attr-missing-value.json',
                'E1076'
            ),
            onlyErrors(
                'testAttributesMissingTeA',
                'enrollments_te_attr-non-existing.json',
                'E1006'
            ),
            onlyErrors(
                'testAttributesMissingMandatory',
                'enrollments_te_attr-missing-mandatory.json',
                'E1018'
            ),
            withData('testAttributesUniquenessInSameTei', async (sandbox, dir) => {
                assertNoErrors(
                    await importFile(sandbox, dir, 'enrollments_te_unique_attr_same_tei.json')
                )
            }),
            withData('testAttributesUniquenessAlreadyInDB', async (sandbox, dir) => {
                assertNoErrors(
                    await importFile(sandbox, dir, 'enrollments_te_te-data_3.json'),
                    'te-data_3'
                )
                assertNoErrors(
                    await importFile(sandbox, dir, 'enrollments_te_unique_attr_same_tei.json'),
                    'unique_attr_same_tei'
                )
                assertHasOnlyErrors(
                    await importFile(sandbox, dir, 'enrollments_te_unique_attr_in_db.json'),
                    'E1064'
                )
            }),
            withData('testAttributesUniquenessInDifferentTeis', async (sandbox, dir) => {
                assertNoErrors(
                    await importFile(sandbox, dir, 'enrollments_te_te-data_3.json'),
                    'te-data_3'
                )
                assertHasErrors(
                    await importFile(sandbox, dir, 'enrollments_te_unique_attr.json'),
                    2,
                    'E1064'
                )
            }),
            onlyErrors(
                'testAttributesOnlyProgramAttrAllowed',
                'enrollments_te_attr-only-program-attr.json',
                'E1019'
            ),
        ],
        notExpressible: [],
    }
}

export function attributeValidationCases(): CaseGroup {
    const groups = [teTaCases(), enrollmentAttrCases()]
    return {
        cases: groups.flatMap((g) => g.cases),
        notExpressible: groups.flatMap((g) => g.notExpressible),
    }
}
