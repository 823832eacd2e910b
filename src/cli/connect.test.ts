/** @jest-environment node */
import { mkdtempSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { defaultStorePath, openLocalStore } from './connect'

describe('the local store of a scope', () => {
    it('lives under ~/.opensrp-dhis2, one file per DHIS2 server and scope', () => {
        expect(defaultStorePath('https://dhis2.example.org:8443/dhis', 'all', '/home/ops')).toBe(
            '/home/ops/.opensrp-dhis2/dhis2.example.org_8443.sqlite'
        )
        expect(defaultStorePath('https://dhis2.example.org', 'ou-ImspTQPwCqd', '/home/ops')).toBe(
            '/home/ops/.opensrp-dhis2/dhis2.example.org.ou-ImspTQPwCqd.sqlite'
        )
    })

    it('belongs to the first scope that used it; another scope is refused, saying what to do', async () => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'store-')), 'shared.sqlite')
        const first = await openLocalStore('https://dhis2.example.org', file, 'ou-UnionA00001')
        await first.store.close()
        const again = await openLocalStore('https://dhis2.example.org', file, 'ou-UnionA00001')
        await again.store.close()
        await expect(
            openLocalStore('https://dhis2.example.org', file, 'ou-UnionB00001')
        ).rejects.toThrow(
            /belongs to the scope 'ou-UnionA00001', not 'ou-UnionB00001'.*own --store/
        )
    })
})
