/**
 * dhis2-core `webapi/controller/tracker/imports/TrackerImportControllerTest` (dhis-test-web-api,
 * 2.41): the import parameters DHIS2 accepts, and the 400 it answers a wrong one with.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { assertWebMessage, send } from './importHttp'
import { withSandbox } from './support'

const ID_SCHEMES = 'Valid values are: [UID, CODE, NAME, ATTRIBUTE:attributeUid]'

function controllerCase(method: string, body: (sandbox: Dhis2Sandbox) => Promise<void>): CoreCase {
    return { name: `TrackerImportControllerTest.${method}`, run: () => withSandbox(body) }
}

/** `assertWebMessage("Bad Request", 400, "ERROR", message, POST(url, "{}").content(BAD_REQUEST))`. */
function badRequestCase(method: string, url: string, message: string): CoreCase {
    return controllerCase(method, async (sandbox) =>
        assertWebMessage(
            await send(sandbox, 'POST', url, '{}'),
            'Bad Request',
            400,
            'ERROR',
            message
        )
    )
}

export function importControllerCases(): CaseGroup {
    return {
        cases: [
            controllerCase('shouldSucceedWhenAllValidParametersArePassed', async (sandbox) => {
                const url =
                    '/tracker?async=true&reportMode=FULL' +
                    '&importMode=VALIDATE' +
                    '&idScheme=ATTRIBUTE:abcdefghilm' +
                    '&importStrategy=CREATE_AND_UPDATE' +
                    '&atomicMode=OBJECT' +
                    '&flushMode=AUTO' +
                    '&validationMode=FULL'
                const response = await send(sandbox, 'POST', url, '{}')
                assertWebMessage(response, 'OK', 200, 'OK', 'Tracker job added')
            }),
            badRequestCase(
                'shouldReturnBadRequestWhenEmptyIdSchemeArePassed',
                '/tracker?async=false&idScheme=',
                `idScheme cannot be empty. ${ID_SCHEMES}`
            ),
            controllerCase(
                'shouldReturnBadRequestWhenInvalidReportModeIsPassedGettingJobReport',
                async (sandbox) =>
                    assertWebMessage(
                        await send(sandbox, 'GET', '/tracker/jobs/AAA/report?reportMode=INVALID'),
                        'Bad Request',
                        400,
                        'ERROR',
                        "Value 'INVALID' is not valid for parameter reportMode. Valid values are: [FULL, ERRORS, WARNINGS]"
                    )
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidReportModeIsPassed',
                '/tracker?async=false&reportMode=INVALID',
                "Value 'INVALID' is not valid for parameter reportMode. Valid values are: [FULL, ERRORS, WARNINGS]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidIdSchemeIsPassed',
                '/tracker?async=false&idScheme=INVALID',
                `Value 'INVALID' is not valid for parameter idScheme. ${ID_SCHEMES}`
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidAttributeIdSchemeIsPassed',
                '/tracker?async=false&idScheme=ATTRIBUTE:abc',
                `Value 'ATTRIBUTE:abc' is not valid for parameter idScheme. ${ID_SCHEMES}`
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidFormatForAttributeIdSchemeIsPassed',
                '/tracker?async=false&idScheme=ATTRIBUTE:abcdefghilm:invalid',
                `Value 'ATTRIBUTE:abcdefghilm:invalid' is not valid for parameter idScheme. ${ID_SCHEMES}`
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidImportModeIsPassed',
                '/tracker?async=false&importMode=INVALID',
                "Value 'INVALID' is not valid for parameter importMode. Valid values are: [COMMIT, VALIDATE]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidImportStrategyIsPassed',
                '/tracker?async=false&importStrategy=INVALID',
                "Value 'INVALID' is not valid for parameter importStrategy. Valid values are: [CREATE, UPDATE, CREATE_AND_UPDATE, DELETE]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidAtomicModeIsPassed',
                '/tracker?async=false&atomicMode=INVALID',
                "Value 'INVALID' is not valid for parameter atomicMode. Valid values are: [ALL, OBJECT]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidFlushModeIsPassed',
                '/tracker?async=false&flushMode=INVALID',
                "Value 'INVALID' is not valid for parameter flushMode. Valid values are: [OBJECT, AUTO]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidValidationModeIsPassed',
                '/tracker?async=false&validationMode=INVALID',
                "Value 'INVALID' is not valid for parameter validationMode. Valid values are: [FULL, FAIL_FAST, SKIP]"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidSkipPatternValidationIsPassed',
                '/tracker?async=false&skipPatternValidation=INVALID',
                "Value 'INVALID' is not valid for parameter skipPatternValidation. It should be of type boolean"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidSkipSideEffectsIsPassed',
                '/tracker?async=false&skipSideEffects=INVALID',
                "Value 'INVALID' is not valid for parameter skipSideEffects. It should be of type boolean"
            ),
            badRequestCase(
                'shouldReturnBadRequestWhenInvalidSkipRuleEngineIsPassed',
                '/tracker?async=false&skipRuleEngine=INVALID',
                "Value 'INVALID' is not valid for parameter skipRuleEngine. It should be of type boolean"
            ),
        ],
        notExpressible: [],
    }
}
