import type { AntigenRule } from '../config/types'

/**
 * How the BD apps name antigens in Vaccination events (reference opensrp-api.md §5.2): the obs
 * parentCode from the immunization library's vaccines.json / mother_vaccines.json, and the
 * formSubmissionField prefix as the fallback for builds that spell fields differently.
 * Antigens the BD programs do not record (rota, measles-only, yellow fever) are still recognised,
 * so such a dose is reported as "not recorded by any program" rather than as an unknown vaccine.
 */

const concept = (code: string) => code.padEnd(36, 'A')

export const bdAntigenRules = (): AntigenRule[] => [
    { antigen: 'bcg', parentCodes: [concept('886')], fieldPrefixes: ['bcg'] },
    { antigen: 'opv', parentCodes: [concept('783')], fieldPrefixes: ['opv'] },
    { antigen: 'penta', parentCodes: [concept('1685')], fieldPrefixes: ['penta'] },
    { antigen: 'pcv', parentCodes: [concept('162342')], fieldPrefixes: ['pcv'] },
    { antigen: 'rota', parentCodes: [concept('159698')], fieldPrefixes: ['rota'] },
    { antigen: 'measles', parentCodes: [concept('36')], fieldPrefixes: ['measles'] },
    { antigen: 'mr', parentCodes: [concept('162586')], fieldPrefixes: ['mr'] },
    // Not in the library's sample; BD deployments (and the fixtures) use 1422. Fields are written
    // `fipv_1` or `ipv_1` depending on the app build.
    { antigen: 'ipv', parentCodes: [concept('1422')], fieldPrefixes: ['ipv', 'fipv'] },
    { antigen: 'tt', parentCodes: [concept('84879')], fieldPrefixes: ['tt', 'td'] },
    {
        antigen: 'yellow_fever',
        parentCodes: [concept('5864')],
        fieldPrefixes: ['yellow_fever', 'yf'],
    },
]
