import { explainCode, explainedCodes, isExplained } from './explain'

const FALLBACK = explainCode('NOT_A_CODE')

const TRACKER = [
    'E1000',
    'E1002',
    'E1005',
    'E1006',
    'E1007',
    'E1018',
    'E1019',
    'E1020',
    'E1021',
    'E1023',
    'E1025',
    'E1030',
    'E1041',
    'E1048',
    'E1063',
    'E1064',
    'E1069',
    'E1070',
    'E1080',
    'E1081',
    'E1085',
    'E1087',
    'E1090',
    'E1125',
    'E1001',
    'E1003',
    'E1091',
    'E1095',
    'E1096',
    'E1099',
    'E1104',
    'E5000',
]
const DATA_VALUES = [
    ...[
        '00',
        '01',
        '02',
        '03',
        '04',
        '10',
        '11',
        '12',
        '13',
        '14',
        '15',
        '16',
        '17',
        '18',
        '19',
        '20',
        '21',
    ].map((n) => `E76${n}`),
    ...['30', '31', '32', '33', '34', '35', '36', '40', '41', '42', '43', '44'].map(
        (n) => `E76${n}`
    ),
    ...[
        'E8000',
        'E8001',
        'E8002',
        'E8003',
        'E8009',
        'E8010',
        'E8011',
        'E8012',
        'E8020',
        'E8021',
        'E8022',
        'E8023',
        'E8024',
        'E8030',
        'E8031',
        'E8032',
        'E8033',
        'E8100',
        'E8101',
        'E8103',
        'E8107',
        'E8108',
        'E8110',
        'E8120',
        'E8121',
        'E8122',
        'E8123',
        'E8124',
        'E8125',
        'E8128',
    ],
]
const OURS = [
    'OSRP_NO_ORG_UNIT',
    'OSRP_AMBIGUOUS_ORG_UNIT',
    'OSRP_UNKNOWN_ANTIGEN',
    'OSRP_NO_VACCINATION_DATE',
    'OSRP_BAD_VACCINATION_DATE',
    'OSRP_NO_DOSE',
    'OSRP_BAD_DATE',
    'OSRP_FUTURE_DATE',
    'OSRP_DATE_BEFORE_BIRTH',
    'OSRP_UNKNOWN_OPTION',
    'OSRP_MISSING_VALUE',
    'OSRP_NO_CLIENT',
    'OSRP_UNKNOWN_SEX',
    'OSRP_CLIENT_REFUSED',
    'OSRP_QUARANTINED',
    'DHIS2_UNREACHABLE',
    'DHIS2_IMPORT_REPORT_LOST',
    'DHIS2_IMPORT_TIMEOUT',
    'OSRP_LEGACY_UNSUPPORTED',
]

describe('explaining an error code', () => {
    it.each([...TRACKER, ...DATA_VALUES, ...OURS])('explains %s in its own words', (code) => {
        const explanation = explainCode(code)
        expect(isExplained(code)).toBe(true)
        expect(explanation).not.toEqual(FALLBACK)
        expect(explanation.title.length).toBeGreaterThan(10)
        expect(explanation.action.length).toBeGreaterThan(10)
    })

    it('tells the facility what to do when its locked period refused the counts', () => {
        expect(explainCode('E7640').action).toMatch(/unlock the period/)
        expect(explainCode('E8032')).toEqual(explainCode('E7640'))
    })

    it('tells an admin where to fix an unmapped location', () => {
        expect(explainCode('OSRP_NO_ORG_UNIT').action).toMatch(/org unit mapping/)
    })

    it('falls back for codes it does not know, naming the code', () => {
        expect(explainCode('E9999')).toEqual({
            title: 'DHIS2 or the connector reported a problem (E9999).',
            action: expect.stringContaining('administrator'),
        })
    })

    it('reads codes whatever their case or spacing', () => {
        expect(explainCode(' e1064 ')).toEqual(explainCode('E1064'))
    })

    it('never shows a raw template or code placeholder', () => {
        for (const code of explainedCodes()) {
            const { title, action } = explainCode(code)
            expect(`${title} ${action}`).not.toMatch(/\{\d\}|undefined/)
        }
    })
})
