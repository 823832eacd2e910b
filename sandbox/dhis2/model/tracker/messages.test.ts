/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import {
    CHILD_PROGRAM,
    DOSE_DE,
    IMMUNISATION_STAGE,
    VACCINE_DE,
    enrollment,
    event,
    trackedEntity,
} from './testData'
import { syncImport } from './testImport'

/**
 * Error messages worded per version as dhis2/dhis2-core's templates, rendered by
 * `java.text.MessageFormat` (a single quote is dropped): 2.38–2.39 `TrackerErrorCode.java`,
 * 2.40 `tracker/validation/ValidationCode.java` (both "TrackedEntityInstance"), 2.41–2.42
 * `tracker/imports/validation/ValidationCode.java` ("TrackedEntity"), 2.43 its rewording.
 * An unknown data element is E1304 and, not being in the stage, E1305 (`DataValuesValidator`).
 */

const UNION = 'TJVyV3rXr9T' // in the importer's capture scope, assigned to no program
const VACCINE_OPTIONS = 'tKeSk8a3J0D'

async function errors(minor: Dhis2Minor, payload: JsonRecord, query = {}) {
    const { report, model } = await syncImport(minor, payload, query)
    const reports = records((report.validationReport as JsonRecord).errorReports)
    return { list: reports.map((e) => [e.errorCode, e.message]), reports, model }
}

const EXPECTED: Record<number, Record<string, string>> = {
    38: {
        E1002: 'TrackedEntityInstance: `Msg00000001`, already exists.',
        E1029: `Event OrganisationUnit: \`${UNION}\`, and Program: \`${CHILD_PROGRAM}\`, dont match.`,
        E1125: `Value ROTA is not a valid option for DataElement ${VACCINE_DE} in option set ${VACCINE_OPTIONS}`,
        E1304: 'DataElement `Nope0000001` is not a valid data element',
        E1305: `DataElement \`Nope0000001\` is not part of \`${IMMUNISATION_STAGE}\` program stage`,
    },
    41: {
        E1002: 'TrackedEntity: `Msg00000001`, already exists.',
        E1029: `Event OrganisationUnit: \`${UNION}\`, and Program: \`${CHILD_PROGRAM}\`, dont match.`,
        E1125: `Value \`ROTA\` is not a valid option code in option set \`${VACCINE_OPTIONS}\``,
        E1304: 'DataElement `Nope0000001` is not a valid data element',
        E1305: `DataElement \`Nope0000001\` is not part of \`${IMMUNISATION_STAGE}\` program stage`,
    },
    43: {
        E1002: 'TrackedEntity: `Msg00000001`, already exists.',
        E1029: `Event OrganisationUnit: \`${UNION}\` and Program: \`${CHILD_PROGRAM}\`, do not match.`,
        E1125: `Value \`ROTA\` is not a valid option code in OptionSet \`${VACCINE_OPTIONS}\`.`,
        E1304: 'DataElement `Nope0000001` is not a valid DataElement.',
        E1305: `DataElement \`Nope0000001\` is not part of ProgramStage \`${IMMUNISATION_STAGE}\`.`,
    },
}

describe.each([38, 41, 43] as Dhis2Minor[])('tracker error messages on 2.%i', (minor) => {
    const expected = EXPECTED[minor] ?? {}

    it('E1002 names the tracked entity as that version does', async () => {
        const te = { trackedEntities: [trackedEntity('Msg00000001', 'M-1')] }
        const { model } = await errors(minor, te)
        const again = await syncImport(minor, te, { importStrategy: 'CREATE' }, model)
        const reports = records((again.report.validationReport as JsonRecord).errorReports)
        expect(reports.map((e) => [e.errorCode, e.message])).toEqual([['E1002', expected.E1002]])
    })

    it('E1029 drops the apostrophe of "don\'t" (MessageFormat quoting)', async () => {
        const { list } = await errors(minor, {
            trackedEntities: [
                trackedEntity('Msg00000002', 'M-2', [
                    enrollment('Msg00000003', [event('Msg00000004', { orgUnit: UNION })]),
                ]),
            ],
        })
        expect(list).toEqual([['E1029', expected.E1029]])
    })

    it('an invalid option (E1125) and an unknown data element (E1304, then E1305)', async () => {
        const { list, reports } = await errors(minor, {
            trackedEntities: [
                trackedEntity('Msg00000005', 'M-3', [
                    enrollment('Msg00000006', [
                        event('Msg00000007', {
                            status: 'ACTIVE',
                            dataValues: [
                                { dataElement: VACCINE_DE, value: 'ROTA' },
                                { dataElement: 'Nope0000001', value: '1' },
                                { dataElement: DOSE_DE, value: '1' },
                            ],
                        }),
                    ]),
                ]),
            ],
        })
        expect(list).toEqual([
            ['E1125', expected.E1125],
            ['E1304', expected.E1304],
            ['E1305', expected.E1305],
        ])
        if (minor >= 41) expect(reports[0]?.args).toEqual(['ROTA', VACCINE_OPTIONS])
    })
})
