/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { checkMappingsAgainstDhis2 } from '../../src/adapters/dhis2/validateMappings'
import { bdTemplateMappings } from './support/bdMappings'
import { engineFor } from './support/dhis2Engine'

describe.each([38, 40, 42, 43] as const)(
    'mappings against the live metadata of DHIS2 2.%i',
    (minor) => {
        it('finds nothing wrong with the BD template', async () => {
            const dhis2 = await startDhis2Sandbox({ minor })
            try {
                const { engine } = await engineFor(dhis2, 'operator')
                const problems = await checkMappingsAgainstDhis2(engine, bdTemplateMappings())
                expect(problems).toEqual([])
            } finally {
                await dhis2.close()
            }
        })

        it('explains each thing wrong with a broken mapping, where it is', async () => {
            const dhis2 = await startDhis2Sandbox({ minor })
            try {
                const { engine } = await engineFor(dhis2, 'admin')
                const problems = await checkMappingsAgainstDhis2(engine, brokenMapping())
                expect(problems.map((p) => [p.severity, p.path, p.code])).toEqual([
                    ['error', 'mappings.orgUnits.explicit["loc-x"]', 'org-unit-not-found'],
                    [
                        'error',
                        'mappings.tracker.attributes[3].transform[0].map.Female',
                        'not-an-option-code',
                    ],
                    ['error', 'mappings.tracker.programs[0].program', 'program-not-found'],
                    [
                        'error',
                        'mappings.tracker.programs[1].vaccinations.vaccineCodes.tt',
                        'not-an-option-code',
                    ],
                    [
                        'error',
                        'mappings.tracker.programs[1].vaccinations',
                        'compulsory-data-element-not-mapped',
                    ],
                    [
                        'error',
                        'mappings.aggregate.dataSets[0].indicators[0].dataElement',
                        'data-element-not-in-data-set',
                    ],
                    [
                        'error',
                        'mappings.aggregate.dataSets[0].indicators[15].disaggregation',
                        'category-option-combo-not-in-combo',
                    ],
                    ['error', 'mappings.aggregate.dataSets[1].periodType', 'period-type-mismatch'],
                    ['warning', 'mappings.orgUnits.explicit["loc-root"]', 'org-unit-not-assigned'],
                    ['warning', 'mappings.tracker.programs[1].occurredAt', 'ignored-setting'],
                ])
                const byPath = new Map(problems.map((p) => [p.path, p.message]))
                expect(
                    byPath.get('mappings.tracker.programs[1].vaccinations.vaccineCodes.tt')
                ).toBe(
                    "'TD' is not an option code of 'EPI Vaccine given' (qR6eP15RJ7h); use one of 'BCG', 'OPV', 'PENTA', 'PCV', 'FIPV', 'MR', 'TT'"
                )
                expect(byPath.get('mappings.tracker.programs[1].vaccinations')).toBe(
                    "the stage 'TT vaccination' (uUEzUXJRds2) requires 'EPI Dose number' (UGinqBJICof), which is not mapped: DHIS2 would reject every vaccination"
                )
                expect(
                    byPath.get('mappings.aggregate.dataSets[0].indicators[15].disaggregation')
                ).toMatch(
                    /^counted by sex, but 'EPI TT1 doses given \(women\)' \(mWhC9DNzwTf\) is not disaggregated by sex: its category combo 'default' \(bjDvmb4bfuf\) has 'default' \(HllvX50cXC0\)$/
                )
            } finally {
                await dhis2.close()
            }
        })
    }
)

function brokenMapping() {
    const mappings = bdTemplateMappings()
    const tracker = mappings.tracker!
    const [child, mother] = tracker.programs
    const monthly = mappings.aggregate!.dataSets[0]!
    const weekly = mappings.aggregate!.dataSets[1]!
    mappings.orgUnits.explicit = { 'loc-x': 'NoSuchOrgU1', 'loc-root': 'NWRRJHHp571' }
    const sexMap = tracker.attributes[3]!.transform![0]!
    if (sexMap.type === 'optionMap') sexMap.map.Female = 'F'
    child!.program = 'C15BBx4PSBX'
    mother!.vaccinations!.vaccineCodes.tt = 'TD'
    delete mother!.vaccinations!.doseDataElement
    mother!.occurredAt = 'birthdate'
    monthly.indicators[0]!.dataElement = 'kW3nRegWk01'
    monthly.indicators[15]!.disaggregation = 'sex'
    weekly.periodType = 'Monthly'
    return mappings
}
