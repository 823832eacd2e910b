/**
 * @jest-environment node
 */
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { checkRealMetadata } from './checkRealMetadata'
import { bdMetadata } from './testing/request'

// The real DHIS2 exports (never copied here) go through `npm run check:dhis2-real -- <folder>`,
// which CI runs with the shared folder.

describe('checkRealMetadata', () => {
    it('passes on the BD package and fails on a package with a dangling reference', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'real-md-'))
        writeFileSync(path.join(folder, 'bd.json'), JSON.stringify(bdMetadata()))
        writeFileSync(
            path.join(folder, 'values.json'),
            JSON.stringify({ dataSet: 'x', dataValues: [] })
        )
        const good = await checkRealMetadata(folder)
        expect(good.ok).toBe(true)
        expect(good.files.map((f) => f.kind)).toEqual(['metadata', 'skipped'])
        expect(good.files[0]?.written).toMatchObject({
            trackedEntity: expect.any(String),
            enrollment: expect.any(String),
            event: expect.any(String),
            dataValue: expect.any(String),
        })

        const bad = mkdtempSync(path.join(tmpdir(), 'real-md-bad-'))
        writeFileSync(
            path.join(bad, 'broken.json'),
            JSON.stringify({
                dataSets: [
                    {
                        id: 'Dddddddddd1',
                        name: 'x',
                        periodType: 'Monthly',
                        organisationUnits: [{ id: 'Gone0000001' }],
                    },
                ],
            })
        )
        const result = await checkRealMetadata(bad)
        expect(result.ok).toBe(false)
        expect(result.files[0]?.problems[0]).toContain('E5002')
    })
})
