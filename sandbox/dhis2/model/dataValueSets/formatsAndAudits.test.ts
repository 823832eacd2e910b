/**
 * @jest-environment node
 */
import { JsonRecord, isRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { CENTRE, MALE, MONTHLY, bcg, payload } from './testData'
import { postDataValueSet } from './testImport'

/** XML and CSV posts, empty JSON strings, completion without an org unit, and audits (2.41). */

const BCG = 'B0jp1RrdN32'

async function post(
    model: ReturnType<typeof bdModel>,
    text: string,
    contentType: string,
    query: Record<string, string> = {}
) {
    const request = {
        ...buildRequest(41, 'POST', 'dataValueSets', { query }),
        body: undefined,
        rawBody: Buffer.from(text),
        contentType,
    }
    const res = await call(model, request)
    const b = body(res)
    return isRecord(b.response) ? b.response : b
}

async function audits(model: ReturnType<typeof bdModel>): Promise<JsonRecord[]> {
    const res = await call(
        model,
        buildRequest(41, 'GET', 'audits/dataValue', {
            query: { de: BCG, ou: CENTRE, skipPaging: 'true' },
        })
    )
    return records(body(res).dataValueAudits)
}

describe('POST dataValueSets as XML and CSV (2.41)', () => {
    it('imports an application/xml data value set, header attributes included', async () => {
        const model = bdModel(41, { clock: fixedClock })
        const xml = `<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0" dataSet="${MONTHLY}" period="202405" orgUnit="${CENTRE}">
  <dataValue dataElement="${BCG}" categoryOptionCombo="${MALE}" value="7"/>
</dataValueSet>`
        const summary = await post(model, xml, 'application/xml')
        expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 0, deleted: 0 })
    })

    it('imports application/csv by column position, the first row taken as a header', async () => {
        const model = bdModel(41, { clock: fixedClock })
        const csv = `dataelement,period,orgunit,catoptcombo,attroptcombo,value\n${BCG},202405,${CENTRE},${MALE},,7\n`
        expect((await post(model, csv, 'application/csv')).importCount).toMatchObject({
            imported: 1,
        })
        const headless = `${BCG},202404,${CENTRE},${MALE},,7\n`
        const summary = await post(model, headless, 'text/csv', { firstRowIsHeader: 'false' })
        expect(summary.importCount).toMatchObject({ imported: 1 })
    })

    it('an empty CSV value cell is an empty value, not a missing one: it deletes, else is ignored', async () => {
        const model = bdModel(41, { clock: fixedClock })
        const row = (period: string, value: string) =>
            `${BCG},${period},${CENTRE},${MALE},,${value}\n`
        await post(model, row('202405', '7'), 'application/csv', { firstRowIsHeader: 'false' })
        const csv = row('202405', '') + row('202404', '')
        const summary = await post(model, csv, 'application/csv', { firstRowIsHeader: 'false' })
        expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 1, deleted: 1 })
        expect(summary.conflicts).toEqual([])
    })
})

describe('POST dataValueSets JSON semantics (2.41)', () => {
    it('reads value "" and comment "" as absent: E7618, ignored', async () => {
        const { summary } = await postDataValueSet(41, payload([bcg('', { comment: '' })]))
        expect(summary.importCount).toMatchObject({ imported: 0, ignored: 1 })
        expect(records(summary.conflicts).map((c) => c.errorCode)).toEqual(['E7618'])
    })

    it('completing without the set org unit is a conflict naming OrganisationUnit', async () => {
        const { summary } = await postDataValueSet(
            41,
            payload([bcg('3', { orgUnit: CENTRE, period: '202405' })], {
                orgUnit: undefined,
                completeDate: '2024-06-01',
            })
        )
        expect(records(summary.conflicts)).toEqual([
            { object: 'OrganisationUnit', value: 'Must be provided to complete data set' },
        ])
        expect(summary.importCount).toMatchObject({ imported: 1 })
    })

    it('audits updates and deletions with the old value, unless an authorised user skips them', async () => {
        const first = await postDataValueSet(41, payload([bcg('1')]))
        const model = first.model
        await postDataValueSet(41, payload([bcg('2')]), {}, undefined, model)
        await postDataValueSet(
            41,
            payload([bcg('2')]),
            { importStrategy: 'DELETE' },
            undefined,
            model
        )
        expect((await audits(model)).map((a) => [a.auditType, a.value])).toEqual([
            ['DELETE', '2'],
            ['UPDATE', '1'],
        ])
        // skipAudit needs F_SKIP_DATA_IMPORT_AUDIT, which the importer lacks: still audited.
        await postDataValueSet(41, payload([bcg('5')]), {}, undefined, model)
        await postDataValueSet(41, payload([bcg('6')]), { skipAudit: 'true' }, undefined, model)
        expect(await audits(model)).toHaveLength(3)
    })
})
