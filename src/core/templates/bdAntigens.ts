import type { AntigenRule } from '../config/types'

/**
 * How the Bangladesh EPI apps name their vaccines (reference opensrp-api.md §5.2): the obs
 * parentCode from opensrp-client-immunization's vaccines.json, with the field-name prefixes as the
 * fallback. IPV's code is per deployment (1422… in ours); its fields are written `fipv_1` or
 * `ipv_1` depending on the app build. Rota and yellow fever are read so that a stray dose is
 * "not counted" / "not recorded by any program" rather than an unknown vaccine: the BD data sets
 * and programs have no place for them. Shared by the tracker and aggregate mappings.
 */
export const BD_ANTIGENS: AntigenRule[] = [
    {
        antigen: 'bcg',
        parentCodes: ['886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['bcg'],
    },
    {
        antigen: 'opv',
        parentCodes: ['783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['opv'],
    },
    {
        antigen: 'penta',
        parentCodes: ['1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['penta'],
    },
    {
        antigen: 'pcv',
        parentCodes: ['162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['pcv'],
    },
    {
        antigen: 'ipv',
        parentCodes: ['1422AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['ipv', 'fipv'],
    },
    {
        // Measles-rubella replaced measles in Bangladesh; older builds still write `measles_1`.
        antigen: 'mr',
        parentCodes: [
            '162586AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
            '36AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        ],
        fieldPrefixes: ['mr', 'measles'],
    },
    {
        antigen: 'rota',
        parentCodes: ['159698AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['rota'],
    },
    {
        antigen: 'yellow_fever',
        parentCodes: ['5864AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['yellow_fever', 'yf'],
    },
    {
        antigen: 'tt',
        parentCodes: ['84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        fieldPrefixes: ['tt', 'td'],
    },
]

/** A fresh copy of BD_ANTIGENS, for a mapping that will be edited or stored (`init --template bd`). */
export const bdAntigenRules = (): AntigenRule[] =>
    BD_ANTIGENS.map((rule) => ({
        ...rule,
        parentCodes: [...rule.parentCodes],
        fieldPrefixes: [...rule.fieldPrefixes],
    }))
