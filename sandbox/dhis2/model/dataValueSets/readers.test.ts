/**
 * @jest-environment node
 */
import { normalizeBoolean } from './booleans'
import { readDataValueSetCsv } from './csvReader'
import { readDataValueSetXml } from './xmlReader'

/** The XML and CSV readers of POST /api/dataValueSets (XmlDataValueSetReader, CsvDataValueSetReader). */

describe('dataValueSet XML reader', () => {
    const xml = `<?xml version="1.0"?>
<!-- <dataValue dataElement="commented" /> -->
<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" idScheme="code" dataSet="DS_A" period="201201" orgUnit="OU_A" completeDate="2012-01-09" dryRun="true">
  <dataValue dataElement="DE_A" value="10" comment="a &amp; b" followUp="true" timestamp="2012-01-01"/>
  <dataValue dataElement="DE_B" value="" comment="" followup="true" deleted="TRUE"></dataValue>
</dataValueSet>`

    it('reads the header attributes as the JSON body has them', () => {
        expect(readDataValueSetXml(xml)).toMatchObject({
            idScheme: 'code',
            dataSet: 'DS_A',
            period: '201201',
            orgUnit: 'OU_A',
            completeDate: '2012-01-09',
            dryRun: true,
        })
    })

    it('reads values; empty attributes are absent, follow-up comes from followUp only', () => {
        expect(readDataValueSetXml(xml)?.dataValues).toEqual([
            { dataElement: 'DE_A', value: '10', comment: 'a & b', followup: true, deleted: false },
            { dataElement: 'DE_B', followup: false, deleted: true },
        ])
    })

    it('is undefined without a dataValueSet element', () => {
        expect(readDataValueSetXml('<dataValues/>')).toBeUndefined()
    })
})

describe('dataValueSet CSV reader', () => {
    const rows = [
        '"de","pe","ou","coc","aoc","value","storedBy","lastUpdated","comment","followup","deleted"',
        '"f7n9E0hX8qk","201201","DiszpKrYNg8","","","10","john","2012-01-01","say ""hi"", then go","true"',
        'Ix2HsbDMLea,201202,BdfsJfj87js,,,,john,,,false,true',
    ].join('\r\n')

    it('takes columns by position and skips the header row; empty value and comment stay empty', () => {
        expect(readDataValueSetCsv(rows, true, undefined)).toEqual({
            dataValues: [
                {
                    dataElement: 'f7n9E0hX8qk',
                    period: '201201',
                    orgUnit: 'DiszpKrYNg8',
                    value: '10',
                    storedBy: 'john',
                    comment: 'say "hi", then go',
                    followup: true,
                    deleted: false,
                },
                {
                    dataElement: 'Ix2HsbDMLea',
                    period: '201202',
                    orgUnit: 'BdfsJfj87js',
                    value: '',
                    storedBy: 'john',
                    comment: '',
                    followup: false,
                    deleted: true,
                },
            ],
        })
    })

    it('reads the first row as a value when firstRowIsHeader=false, and takes the dataSet option', () => {
        const set = readDataValueSetCsv(rows, false, 'pBOMPrpg1QX')
        expect(set.dataSet).toBe('pBOMPrpg1QX')
        expect(set.dataValues).toHaveLength(3)
    })
})

describe('normalizeBoolean', () => {
    it('turns the true and false spellings into true and false; TRUE_ONLY takes only true ones', () => {
        for (const v of ['true', 'True', 'TRUE', 't', 'T', '1'])
            expect(normalizeBoolean(v, 'BOOLEAN')).toBe('true')
        for (const v of ['false', 'False', 'FALSE', 'f', 'F', '0'])
            expect(normalizeBoolean(v, 'BOOLEAN')).toBe('false')
        expect(normalizeBoolean('t', 'TRUE_ONLY')).toBe('true')
        expect(normalizeBoolean('false', 'TRUE_ONLY')).toBe('false')
        expect(normalizeBoolean('0', 'TRUE_ONLY')).toBe('0')
        expect(normalizeBoolean('yes', 'BOOLEAN')).toBe('yes')
        expect(normalizeBoolean('t', 'TEXT')).toBe('t')
    })
})
