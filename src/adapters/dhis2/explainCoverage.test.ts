/**
 * @jest-environment node
 */
import {
    TEMPLATES_238,
    TEMPLATES_240,
    TEMPLATES_241,
    TEMPLATES_243,
} from '../../../sandbox/dhis2/model/tracker/messageTemplates'
import { isExplained } from '../../core/summary/explain'
import { LEGACY_CONFLICT } from './legacyImportSummaries'
import { LEGACY_UNSUPPORTED } from './legacyTrackerWriter'

describe('plain-language explanations', () => {
    it('cover every tracker code DHIS2 (as the sandbox words it) can answer with', () => {
        const codes = new Set(
            [TEMPLATES_238, TEMPLATES_240, TEMPLATES_241, TEMPLATES_243].flatMap(Object.keys)
        )
        const missing = [...codes].filter((code) => !isExplained(code))
        expect(missing).toEqual([])
    })

    it('cover every code the writers make up themselves', () => {
        const ours = [
            LEGACY_CONFLICT,
            LEGACY_UNSUPPORTED,
            'DHIS2_UNREACHABLE',
            'DHIS2_ACCESS_DENIED',
            'DHIS2_REQUEST_REFUSED',
            'DHIS2_IMPORT_REPORT_LOST',
            'DHIS2_IMPORT_TIMEOUT',
            'DHIS2_IMPORT_ABORTED',
            'DHIS2_UNEXPECTED_ANSWER',
            'DHIS2_CONFLICT',
        ]
        expect(ours.filter((code) => !isExplained(code))).toEqual([])
    })
})
