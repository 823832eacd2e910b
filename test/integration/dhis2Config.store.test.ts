/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { webcrypto } from 'crypto'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import {
    initialiseConfiguration,
    loadConfiguration,
    saveMappings,
    saveSettings,
} from '../../src/adapters/dhis2/configStore'
import { createKeyValueCursorStore } from '../../src/adapters/dhis2/cursorStore'
import { createDataStoreKeyValueStore } from '../../src/adapters/dhis2/dataStore'
import { defaultSettings, newUidSalt } from '../../src/core/config/defaults'
import { bdTemplateMappings } from './support/bdMappings'
import { engineFor } from './support/dhis2Engine'

describe.each([38, 40, 42, 43] as const)(
    'configuration in the dataStore of DHIS2 2.%i',
    (minor) => {
        it('is missing at first, set up once, read back, and never replaced by something invalid', async () => {
            const dhis2 = await startDhis2Sandbox({ minor })
            try {
                const { engine, version } = await engineFor(dhis2, 'admin')
                const kv = createDataStoreKeyValueStore(engine, version)
                const first = await loadConfiguration(kv)
                expect(first.ok ? [] : first.error.missing).toEqual(['settings', 'mappings'])

                const settings = defaultSettings({
                    uidSalt: newUidSalt(webcrypto.getRandomValues(new Uint8Array(16))),
                })
                const initial = { settings, mappings: bdTemplateMappings() }
                expect(await initialiseConfiguration(kv, initial)).toEqual({
                    ok: true,
                    written: ['settings', 'mappings'],
                })
                expect(await loadConfiguration(kv)).toEqual({ ok: true, ...initial, migrated: [] })

                const refused = await saveSettings(kv, { ...settings, trackerWriter: 'fast' })
                expect(refused.ok ? [] : refused.error.issues).toEqual([
                    {
                        path: 'settings.trackerWriter',
                        message: 'expected one of "auto", "tracker", "legacy", not "fast"',
                    },
                ])
                const broken = bdTemplateMappings()
                broken.tracker!.programs[0]!.program = 'child'
                expect((await saveMappings(kv, broken)).ok).toBe(false)
                expect(await loadConfiguration(kv)).toEqual({ ok: true, ...initial, migrated: [] })

                // Another tool wrote a bad value straight into the dataStore.
                await kv.write('settings', { ...settings, pageSize: 'many' })
                const after = await loadConfiguration(kv)
                expect(after.ok ? undefined : after.error.message).toBe(
                    'The saved settings are not valid: settings.pageSize: expected a number, not "many".'
                )
            } finally {
                await dhis2.close()
            }
        })

        it('keeps cursors per scope and stream for the operator', async () => {
            const dhis2 = await startDhis2Sandbox({ minor })
            try {
                const { engine, version } = await engineFor(dhis2, 'operator')
                const cursors = createKeyValueCursorStore(
                    createDataStoreKeyValueStore(engine, version)
                )
                expect(await cursors.load('all', 'events')).toBeUndefined()
                await cursors.save('all', 'events', { high: 1200, seen: [['ev-9', 1200]] })
                await cursors.save('all', 'events', { high: 1500, seen: [['ev-12', 1500]] })
                expect(await cursors.load('all', 'events')).toEqual({
                    high: 1500,
                    seen: [['ev-12', 1500]],
                })
                expect(await cursors.load('all', 'clients')).toBeUndefined()
            } finally {
                await dhis2.close()
            }
        })
    }
)
