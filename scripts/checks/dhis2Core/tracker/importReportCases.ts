/**
 * dhis2-core `webapi/controller/tracker/imports/TrackerImportReportTest` (dhis-test-web-api, 2.41).
 * Its `@BeforeEach` saves the metadata in Java (`createTrackedEntityType('A')`,
 * `createOrganisationUnit('A')`, `createProgram('A')`, `createProgramStage('A', program)`,
 * `createPersonToPersonRelationshipType('A', program, type, false)`, with the test's UIDs); here
 * the same objects are imported through /api/metadata. One case per `@ValueSource` file.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { CaseFailure, expectEqual } from '../case'
import { readWebApiFixture, send } from './importHttp'
import { asArray, asObject, request, withSandbox } from './support'
import type { TrackerResponse } from './support'

const ORG_UNIT_UID = 'PSeMWi7rBgb'
const TE_TYPE_UID = 'PrZMWi7rBga'
const PROGRAM_UID = 'XrZRFi7rU9e'
const PS_UID = 'I8RRFi7rUps'
const REL_TYPE_UID = 'A4ORFi7rReL'

/** The objects the Java `setUp` saves, as DhisConvenienceTest builds them. */
function setUpMetadata() {
    const personConstraint = {
        relationshipEntity: 'TRACKED_ENTITY_INSTANCE',
        trackedEntityType: { id: TE_TYPE_UID },
        program: { id: PROGRAM_UID },
    }
    return {
        trackedEntityTypes: [
            {
                id: TE_TYPE_UID,
                name: 'TrackedEntityTypeA',
                description: 'TrackedEntityTypeA description',
            },
        ],
        organisationUnits: [
            {
                id: ORG_UNIT_UID,
                name: 'OrganisationUnitA',
                shortName: 'OrganisationUnitShortA',
                code: 'OrganisationUnitCodeA',
                openingDate: '1970-01-01',
                comment: 'CommentA',
            },
        ],
        programs: [
            {
                id: PROGRAM_UID,
                name: 'ProgramA',
                code: 'ProgramCodeA',
                shortName: 'ProgramShortA',
                description: 'DescriptionA',
                enrollmentDateLabel: 'DateOfEnrollmentDescription',
                incidentDateLabel: 'DateOfIncidentDescription',
                programType: 'WITH_REGISTRATION',
                trackedEntityType: { id: TE_TYPE_UID },
                organisationUnits: [{ id: ORG_UNIT_UID }],
            },
        ],
        programStages: [
            {
                id: PS_UID,
                name: 'ProgramStageA',
                description: 'descriptionA',
                minDaysFromStart: 0,
                repeatable: false,
                program: { id: PROGRAM_UID },
            },
        ],
        relationshipTypes: [
            {
                id: REL_TYPE_UID,
                name: 'Person_to_person_A',
                fromToName: 'from_A',
                toFromName: 'to_A',
                bidirectional: false,
                fromConstraint: personConstraint,
                toConstraint: personConstraint,
            },
        ],
    }
}

async function setUp(sandbox: Dhis2Sandbox): Promise<void> {
    const { httpStatus, body } = await request(sandbox, 'POST', 'metadata', setUpMetadata())
    if (httpStatus !== 200 || body.status !== 'OK')
        throw new CaseFailure(
            `setUp metadata: ${httpStatus} ${JSON.stringify(body).slice(0, 1000)}`
        )
}

/** `JsonAssertions.assertReportEntities`: the type's object report UIDs, in order. */
function assertReportEntities(expected: string[], trackerType: string, report: TrackerResponse) {
    const typeReport = asObject(
        asObject(asObject(report.body.bundleReport).typeReportMap)[trackerType]
    )
    const uids = asArray(typeReport.objectReports).map((entity) => entity.uid)
    expectEqual(uids, expected, `${trackerType} object reports`)
}

function orderedEntitiesCase(fileName: string): CoreCase {
    return {
        name: `TrackerImportReportTest.shouldReturnOrderedEntitiesInReportWhenImportIsSuccessful[${fileName}]`,
        run: (dir) =>
            withSandbox(async (sandbox) => {
                await setUp(sandbox)
                const report = await send(
                    sandbox,
                    'POST',
                    '/tracker?async=false&reportMode=FULL' +
                        '&validationMode=SKIP' +
                        '&atomicMode=OBJECT' +
                        '&skipRuleEngine=true',
                    readWebApiFixture(dir, `tracker/${fileName}`)
                )
                expectEqual(report.httpStatus, 200, 'HTTP status')
                assertReportEntities(
                    ['IybbQIQt6te', 'daMwzsKN3te', 'FRM97UKN8te'],
                    'TRACKED_ENTITY',
                    report
                )
                assertReportEntities(['IybbQIQt6en', 'daMwzsKN3en'], 'ENROLLMENT', report)
                assertReportEntities(['IybbQIQt6ev', 'daMwzsKN3ev'], 'EVENT', report)
                assertReportEntities(['IybbQIQtrel', 'daMwzsKNrel'], 'RELATIONSHIP', report)
            }),
    }
}

export function importReportCases(): CaseGroup {
    return {
        cases: [
            'import_flatten_payload.json',
            'import_nested_payload.json',
            'import_nested_payload_repeated_relationships.json',
        ].map(orderedEntitiesCase),
        notExpressible: [],
    }
}
