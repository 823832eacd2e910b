/**
 * @jest-environment node
 */
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { validateFolder } from './validateFolder'

const fixtures = path.resolve(__dirname, '../../test/fixtures/opensrp')

describe('opensrp-dhis2 validate <folder>', () => {
    it('reads plain arrays and sync envelopes and lists what would be quarantined', async () => {
        const reports = await validateFolder(fixtures)
        expect(reports.map((r) => [r.file, r.recordType, r.valid, r.quarantined.length])).toEqual([
            ['clients.json', 'client', 8, 0],
            ['events-sync-page-1.json', 'event', 12, 0],
            ['events-sync-page-2.json', 'event', 9, 1],
            ['locations.json', 'location', 11, 0],
        ])
    })

    it('quarantines records of a broken file instead of stopping', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'validate-'))
        writeFileSync(path.join(folder, 'events.json'), JSON.stringify([{ _id: 'x' }, 42]))
        const [report] = await validateFolder(folder)
        expect(report?.valid).toBe(0)
        expect(report?.quarantined.map((q) => q.reason)).toEqual([
            'eventType is missing',
            'an event must be a JSON object',
        ])
    })
})
