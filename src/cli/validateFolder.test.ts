/**
 * @jest-environment node
 */
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { validateFolder } from './validateFolder'

const fixtures = path.resolve(__dirname, '../../test/fixtures/opensrp')

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'validate-'))
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text)
    return folder
}

describe('opensrp-dhis2 validate <folder>', () => {
    it('reads plain arrays and sync envelopes (events and their clients) and lists what would be quarantined', async () => {
        const { reports, unreadable, skipped } = await validateFolder(fixtures)
        expect(reports.map((r) => [r.file, r.recordType, r.valid, r.quarantined.length])).toEqual([
            ['clients.json', 'client', 8, 0],
            ['events-sync-page-1.json', 'event', 12, 0],
            ['events-sync-page-1.json', 'client', 6, 0],
            ['events-sync-page-2.json', 'event', 9, 1],
            ['events-sync-page-2.json', 'client', 5, 0],
            ['locations.json', 'location', 11, 0],
        ])
        expect(unreadable).toEqual([])
        expect(skipped).toEqual([])
    })

    it('quarantines records of a broken file instead of stopping', async () => {
        const folder = folderWith({ 'events.json': JSON.stringify([{ _id: 'x' }, 42]) })
        const [report] = (await validateFolder(folder)).reports
        expect(report?.valid).toBe(0)
        expect(report?.quarantined.map((q) => q.reason)).toEqual([
            'eventType is missing',
            'an event must be a JSON object',
        ])
    })

    it('lists a file that is not JSON with the reason and still checks the others', async () => {
        const folder = folderWith({
            'clients.json': '[{"baseEntityId": ',
            'events.json': '[]',
            'notes.json': '{}',
        })
        const { reports, unreadable, skipped } = await validateFolder(folder)
        expect(unreadable).toEqual([
            { file: 'clients.json', reason: expect.stringMatching(/JSON/) },
        ])
        expect(reports.map((r) => [r.file, r.valid])).toEqual([['events.json', 0]])
        expect(skipped).toEqual(['notes.json'])
    })

    it('says plainly when the folder does not exist', async () => {
        await expect(validateFolder('/nonexistent/opensrp-export')).rejects.toThrow(
            "The folder '/nonexistent/opensrp-export' does not exist."
        )
    })
})
