/** @jest-environment node */
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import { defaultSettings } from '../../core/config/defaults'
import { sampleMappings } from '../../core/config/testFacts'
import {
    ConfigurationError,
    initialiseConfiguration,
    loadConfiguration,
    saveMappings,
    saveSettings,
} from './configStore'

const settings = defaultSettings({ uidSalt: '0123456789abcdef0123456789abcdef' })

describe('the configuration in the dataStore', () => {
    it('says the connector is not set up when nothing is stored', async () => {
        const result = await loadConfiguration(new InMemoryKeyValueStore())
        if (result.ok) throw new Error('expected an error')
        expect(result.error).toBeInstanceOf(ConfigurationError)
        expect(result.error.kind).toBe('not-configured')
        expect(result.error.missing).toEqual(['settings', 'mappings'])
        expect(result.error.message).toBe(
            'The connector is not set up yet: no settings and no mappings saved in DHIS2. An admin sets it up in the OpenSRP Connector app (Configure), or runs `npx opensrp-dhis2 init --template bd`.'
        )
    })

    it('reads back what was saved', async () => {
        const kv = new InMemoryKeyValueStore()
        expect(await saveSettings(kv, settings)).toEqual({ ok: true })
        expect(await saveMappings(kv, sampleMappings())).toEqual({ ok: true })
        expect(await loadConfiguration(kv)).toEqual({
            ok: true,
            settings,
            mappings: sampleMappings(),
            migrated: [],
        })
    })

    it('stores nothing that is not valid', async () => {
        const kv = new InMemoryKeyValueStore()
        const result = await saveSettings(kv, { ...settings, pageSize: 0 })
        if (result.ok) throw new Error('expected an error')
        expect(result.error.issues).toEqual([
            { path: 'settings.pageSize', message: 'must be at least 1' },
        ])
        expect(result.error.message).toBe(
            'The settings are not valid: settings.pageSize: must be at least 1.'
        )
        expect(await kv.keys()).toEqual([])
    })

    it('reports every problem of stored mappings that were edited by hand', async () => {
        const kv = new InMemoryKeyValueStore()
        await saveSettings(kv, settings)
        await kv.write('mappings', { ...sampleMappings(), outOfAreaKeep: 'both', antigens: 'bcg' })
        const result = await loadConfiguration(kv)
        if (result.ok) throw new Error('expected an error')
        expect(result.error.kind).toBe('invalid')
        expect(result.error.issues.map((issue) => issue.path)).toEqual([
            'mappings.antigens',
            'mappings.outOfAreaKeep',
        ])
        expect(result.error.message).toMatch(
            /^The saved mappings are not valid: mappings\.antigens: expected a list, not "bcg" \(and 1 more\)\.$/
        )
    })

    it('sets up only what is missing, keeping the installation salt', async () => {
        const kv = new InMemoryKeyValueStore()
        await saveSettings(kv, settings)
        const other = defaultSettings({ uidSalt: 'ffffffffffffffffffffffffffffffff' })
        expect(
            await initialiseConfiguration(kv, { settings: other, mappings: sampleMappings() })
        ).toEqual({
            ok: true,
            written: ['mappings'],
        })
        expect(
            await initialiseConfiguration(kv, { settings: other, mappings: sampleMappings() })
        ).toEqual({
            ok: true,
            written: [],
        })
        expect(await kv.read('settings')).toEqual(settings)
    })
})
