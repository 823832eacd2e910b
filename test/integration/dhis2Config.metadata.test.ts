/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { createMetadataReader } from '../../src/adapters/dhis2/metadata'
import { engineFor } from './support/dhis2Engine'

const MONTHLY = 'Qnf0P01U3T1'
const WEEKLY = 'ORjrZOfdUfU'
const CHILD_PROGRAM = 'C15BBx4PSBf'
const MOTHER_PROGRAM = 'HTqzpjctuad'
const PERSON = 'ligA6yGUkYl'
const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const UPAZILA = 'MwcEYcUHllt'
const FACILITIES = ['Pe7dSEo3ZQ0', 'YA71Hl4qHqf', 'tpbvYgRmDd3', 'xSZ5meOiZ6S', 'yI54G6cBAtY']
const SEX_COCS = ['m48aYeV9dEa', 'ocU7V0kuUHq']

describe.each([
    [38, 'admin'],
    [40, 'operator'],
    [42, 'admin'],
    [43, 'operator'],
] as const)('metadata reads on DHIS2 2.%i (as %s)', (minor, who) => {
    let close: () => Promise<void>
    let reader: ReturnType<typeof createMetadataReader>

    beforeAll(async () => {
        const dhis2 = await startDhis2Sandbox({ minor })
        close = () => dhis2.close()
        const { engine } = await engineFor(dhis2, who)
        // A small page size makes the org unit list take several pages.
        reader = createMetadataReader(engine, { pageSize: 3 })
    })
    afterAll(() => close())

    it('lists every org unit with its path, level and OpenSRP location id, page by page', async () => {
        const units = await reader.listOrgUnits()
        expect(units).toHaveLength(10)
        const ward1 = units.find((unit) => unit.id === 'yI54G6cBAtY')
        expect(ward1).toEqual({
            id: 'yI54G6cBAtY',
            code: 'EPI_MOUCHAK_W1',
            name: 'Mouchak Ward 1 EPI Centre',
            path: '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/yI54G6cBAtY',
            level: 6,
            attributeValues: [
                { attribute: LOCATION_ATTRIBUTE, value: '7e547192-ca0b-5875-ba49-38e266b85ff2' },
            ],
        })
    })

    it('lists a subtree, and chosen org units', async () => {
        const subtree = await reader.listOrgUnits({ roots: [UPAZILA] })
        expect(subtree.map((unit) => unit.level).sort()).toEqual([4, 5, 6, 6, 6, 6, 6])
        const chosen = await reader.listOrgUnits({ ids: ['yI54G6cBAtY', 'OuMissing01'] })
        expect(chosen.map((unit) => unit.id)).toEqual(['yI54G6cBAtY'])
    })

    it('reads the data sets: period type, open periods, disaggregations, attribute option combos, org units', async () => {
        const dataSets = await reader.dataSetFacts([MONTHLY, WEEKLY, 'DsMissing01'])
        expect(dataSets.map((d) => d.id).sort()).toEqual([WEEKLY, MONTHLY].sort())
        const monthly = dataSets.find((d) => d.id === MONTHLY)
        expect(monthly).toMatchObject({
            name: 'EPI Monthly Immunisation',
            periodType: 'Monthly',
            openFuturePeriods: 0,
            expiryDays: 0,
            categoryCombo: { id: 'bjDvmb4bfuf', categoryOptionCombos: [{ id: 'HllvX50cXC0' }] },
        })
        expect(monthly?.organisationUnits.sort()).toEqual(FACILITIES)
        expect(monthly?.dataSetElements).toHaveLength(24)
        const bcg = monthly?.dataSetElements.find((e) => e.dataElement.id === 'B0jp1RrdN32')
        expect(bcg?.dataElement).toMatchObject({
            valueType: 'INTEGER_ZERO_OR_POSITIVE',
            categoryCombo: { id: 'yAOLCFKPUTb', name: 'Sex' },
        })
        expect(bcg?.dataElement.categoryCombo.categoryOptionCombos.map((c) => c.id).sort()).toEqual(
            SEX_COCS
        )
    })

    it('reads the programs: type, incident date, attributes with option codes, stages', async () => {
        const programs = await reader.programFacts([CHILD_PROGRAM, MOTHER_PROGRAM])
        const child = programs.find((p) => p.id === CHILD_PROGRAM)
        expect(child).toMatchObject({
            programType: 'WITH_REGISTRATION',
            trackedEntityType: PERSON,
            displayIncidentDate: true,
        })
        expect(
            child?.programTrackedEntityAttributes
                .filter((slot) => slot.mandatory)
                .map((slot) => slot.attribute.id)
        ).toEqual(['caS6LyxoM41', 'QjWOSmGM0J3', 'jWSuNC2sfcj', 'hgj3t9ZO6ls'])
        const sex = child?.programTrackedEntityAttributes.find(
            (s) => s.attribute.id === 'jWSuNC2sfcj'
        )
        expect(sex?.attribute.optionSet?.codes).toEqual(['MALE', 'FEMALE'])
        expect(child?.programStages).toEqual([
            {
                id: 'CH7Lg690vBD',
                name: 'Immunisation',
                dataElements: [
                    {
                        id: 'qR6eP15RJ7h',
                        name: expect.any(String),
                        compulsory: true,
                        valueType: 'TEXT',
                        optionSet: {
                            id: 'tKeSk8a3J0D',
                            codes: ['BCG', 'OPV', 'PENTA', 'PCV', 'FIPV', 'MR', 'TT'],
                        },
                    },
                    {
                        id: 'UGinqBJICof',
                        name: expect.any(String),
                        compulsory: true,
                        valueType: 'INTEGER_ZERO_OR_POSITIVE',
                    },
                    {
                        id: 'lr2sazXdXWr',
                        name: expect.any(String),
                        compulsory: false,
                        valueType: 'TEXT',
                    },
                ],
            },
        ])
        expect(programs.find((p) => p.id === MOTHER_PROGRAM)?.displayIncidentDate).toBe(false)
    })

    it('reads the tracked entity type, the relationship types and the location attribute', async () => {
        const person = await reader.trackedEntityTypeFacts(PERSON)
        expect(person?.name).toBe('Person')
        expect(person?.trackedEntityTypeAttributes[0]).toMatchObject({
            mandatory: true,
            attribute: { id: 'caS6LyxoM41', unique: true, valueType: 'TEXT' },
        })
        expect(await reader.trackedEntityTypeFacts('TetMissing1')).toBeUndefined()
        expect(await reader.relationshipTypes()).toEqual([])
        expect(await reader.attributeFacts([LOCATION_ATTRIBUTE])).toEqual([
            {
                id: LOCATION_ATTRIBUTE,
                name: 'OpenSRP location ID',
                unique: true,
                organisationUnitAttribute: true,
            },
        ])
    })
})
