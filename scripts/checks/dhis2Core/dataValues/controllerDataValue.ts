/**
 * dhis2-core's web-API tests about single data values (AbstractDataValueControllerTest and its
 * subclasses, CompleteDataSetRegistrationControllerTest, DataSetCompletionControllerTest; commit
 * 7b5e54c8): the one that posts a data value set is a case, the others need endpoints the sandbox
 * does not serve and are listed with why.
 */
import type { CaseGroup, CoreCase, NotExpressible } from '../case'
import { expectEqual, expectTrue } from '../case'
import {
    Client,
    assertStatus,
    assertWebMessage,
    content,
    list,
    obj,
    str,
    withSandbox,
} from './controllerHttp'

const MULTI_TEXT = 'DataValueMultiTextControllerTest'

interface DataValueSetup {
    orgUnitId: string
    categoryComboId: string
    categoryOptionComboId: string
    dataElementId: string
}

async function created(client: Client, path: string, body: unknown): Promise<string> {
    const id = assertStatus(await client.call('POST', path, { body: JSON.stringify(body) }), 201)
    expectTrue(id !== undefined, `${path} returns the created id`)
    return id ?? ''
}

const postNewDataElement = (
    client: Client,
    name: string,
    code: string,
    valueType: string,
    optionSet: string | null,
    categoryCombo: string
) =>
    created(client, '/dataElements/', {
        name,
        shortName: code,
        code,
        valueType,
        aggregationType: 'SUM',
        zeroIsSignificant: false,
        domainType: 'AGGREGATE',
        categoryCombo: { id: categoryCombo },
        optionSet: optionSet === null ? null : { id: optionSet },
    })

/**
 * AbstractDataValueControllerTest.setUp. Two steps differ in form only: the default combo is read
 * with the plain list API instead of `/categoryCombos/gist`, and the unit is added to the admin's
 * data capture hierarchy by creating it under the admin's fixed root (the sandbox has no
 * `/users/{id}/organisationUnits`; the Java test adds it to the user's units).
 */
async function setUp(client: Client): Promise<DataValueSetup> {
    const root = await created(client, '/organisationUnits/', {
        id: 'NWRRJHHp571',
        name: 'Admin root',
        shortName: 'Root',
        openingDate: '2020-01-01',
    })
    const orgUnitId = await created(client, '/organisationUnits/', {
        name: 'My Unit',
        shortName: 'OU1',
        openingDate: '2020-01-01',
        parent: { id: root },
    })
    const combos = content(
        await client.call(
            'GET',
            '/categoryCombos?fields=id,categoryOptionCombos[id]&pageSize=1&filter=name:eq:default'
        ),
        200
    )
    const ccDefault = list(combos.categoryCombos)[0] ?? {}
    const categoryComboId = str(ccDefault.id) ?? ''
    const categoryOptionComboId = str(list(ccDefault.categoryOptionCombos)[0]?.id) ?? ''
    const dataElementId = await postNewDataElement(
        client,
        'My data element',
        'DE1',
        'INTEGER',
        null,
        categoryComboId
    )
    return { orgUnitId, categoryComboId, categoryOptionComboId, dataElementId }
}

/** DataValueMultiTextControllerTest.setUp: option set A, B, C and a MULTI_TEXT data element. */
async function multiTextSetUp(client: Client): Promise<DataValueSetup & { multiText: string }> {
    const base = await setUp(client)
    const optionSetId = await created(client, '/optionSets/', {
        name: 'MultiSelectSet',
        valueType: 'MULTI_TEXT',
    })
    for (const code of ['A', 'B', 'C'])
        await created(client, '/options/', { name: code, code, optionSet: { id: optionSetId } })
    const multiText = await postNewDataElement(
        client,
        'MultiSelectDE',
        'MSDE',
        'MULTI_TEXT',
        optionSetId,
        base.categoryComboId
    )
    return { ...base, multiText }
}

const cases: CoreCase[] = [
    {
        name: `${MULTI_TEXT}.testPostJsonDataValueSet_MultiText_NoSuchOption`,
        run: () =>
            withSandbox(async (client) => {
                const s = await multiTextSetUp(client)
                const body = JSON.stringify({
                    dataValues: [
                        {
                            period: '201201',
                            orgUnit: s.orgUnitId,
                            dataElement: s.multiText,
                            categoryOptionCombo: s.categoryOptionComboId,
                            value: 'A,D',
                        },
                    ],
                })
                const message = content(
                    await client.call('POST', '/38/dataValueSets/', { body }),
                    409
                )
                assertWebMessage(
                    message,
                    'Conflict',
                    409,
                    'WARNING',
                    'One more conflicts encountered, please check import summary.'
                )
                const conflict = list(obj(message.response).conflicts).find(
                    (c) => c.errorCode === 'E7621'
                )
                expectTrue(conflict !== undefined, 'an E7621 conflict')
                expectEqual(
                    conflict?.value,
                    `Data value is not a valid option of the data element option set: \`${s.multiText}\``,
                    'conflict value'
                )
            }),
    },
]

const NO_DATA_VALUES =
    'needs /api/dataValues (the single data value API: add, read, follow-ups, files), which the sandbox does not serve'

const notExpressible: NotExpressible[] = [
    ...[
        'testSetDataValuesFollowUp_Empty',
        'testSetDataValuesFollowUp_NonExisting',
        'testSetDataValuesFollowUp_Single',
        'testSetDataValuesFollowUp_Multi',
        'testAddDataValueWithBody',
        'testGetDataValueSetJsonWithAttachment',
    ].map((m) => ({ name: `DataValueControllerTest.${m}`, why: NO_DATA_VALUES })),
    ...[
        'testClearFileResourceDataValue_EmptyFile',
        'testClearFileResourceDataValue_EmptyValue',
    ].map((m) => ({
        name: `DataValueFileResourceControllerTest.${m}`,
        why: `${NO_DATA_VALUES}; also /api/fileResources`,
    })),
    ...['testAddDataValue_MultiText', 'testAddDataValue_MultiText_NoSuchOption'].map((m) => ({
        name: `${MULTI_TEXT}.${m}`,
        why: NO_DATA_VALUES,
    })),
    ...[
        'testAddDataElement_MultiText_RequiresOptionSet',
        'testAddDataElement_MultiText_OptionSetValueTypeMismatch',
    ].map((m) => ({
        name: `${MULTI_TEXT}.${m}`,
        why: "metadata validation of a data element's option set (a ConflictException from the data element's create hook) that the sandbox's metadata import does not model; not a data-value behaviour",
    })),
    ...[
        'testPostCompleteRegistrationsJson',
        'testPostCompleteRegistrationsJson_Pre38',
        'testPostCompleteRegistrationsXml',
        'testPostCompleteRegistrationsXml_Pre38',
        'testGetCompleteRegistrationsXmlNoQueryParams',
        'testGetCompleteRegistrationsJsonNoQueryParams',
        'testGetCompleteRegistrationsJsonWithDataSetOnly',
        'testGetCompleteRegistrationsXmlWithDataSetOnly',
        'testGetCompleteRegistrationsJsonWithDataSetAndOrgUnitOnly',
        'testGetCompleteRegistrationsXmlWithDataSetAndOrgUnitOnly',
        'testGetEmptyCompleteRegistrationsJsonWithDataSetOrgUnitAndPeriod',
        'testGetCompleteRegistrationsJsonWithOrgUnitAndPeriodOnly',
        'testGetEmptyCompleteRegistrationsXmlWithDataSetOrgUnitAndPeriod',
    ].map((m) => ({
        name: `CompleteDataSetRegistrationControllerTest.${m}`,
        why: 'needs /api/completeDataSetRegistrations (import and export of registrations), which the sandbox does not serve; the sandbox completes data sets only through a data value set’s completeDate',
    })),
    ...[
        'missingCompulsoryDataElementOperandsTest',
        'missingCompulsoryDataElementOperandsNotCompulsoryTest',
        'noCompulsoryDataElementOperandsTest',
    ].map((m) => ({
        name: `DataSetCompletionControllerTest.${m}`,
        why: 'needs /api/dataEntry/dataSetCompletion and /api/completeDataSetRegistrations, which the sandbox does not serve',
    })),
]

export function dataValueControllerCases(): CaseGroup {
    return { cases, notExpressible }
}
