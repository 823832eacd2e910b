/** @jest-environment node */
import { defaultSettings } from '../core/config/defaults'
import { bdMappings } from '../core/templates/bdMappings'
import { describeChanges, diffConfig } from './configDiff'
import {
    buildConfigFile,
    CONFIG_FILE_FORMAT,
    readConfigFile,
    withoutCredentials,
} from './configFile'

const SALT = 'salt-of-the-exporting-dhis2'
const OTHER_SALT = 'salt-of-the-importing-dhis2'
const meta = { exportedAt: '2024-03-01T10:00:00.000Z', exportedFrom: 'https://dhis2.example.org' }

const exported = () =>
    JSON.parse(
        JSON.stringify(buildConfigFile(defaultSettings({ uidSalt: SALT }), bdMappings(), meta))
    ) as Record<string, unknown>

describe('the configuration file', () => {
    it('holds settings and mappings, with the UID salt in its own marked section and not in the settings', () => {
        const file = exported()
        expect(file.format).toBe(CONFIG_FILE_FORMAT)
        expect(file.uidSalt).toEqual({ value: SALT, notice: expect.stringMatching(/UID salt/) })
        expect(file.settings).not.toHaveProperty('uidSalt')
        expect(file.mappings).toEqual(bdMappings())
        expect(file).not.toHaveProperty('version')
    })

    it('never carries credentials written into an address', () => {
        const settings = {
            ...defaultSettings({ uidSalt: SALT }),
            opensrp: {
                mode: 'direct' as const,
                baseUrl: 'https://bot:s3cret@opensrp.example.org/opensrp',
            },
        }
        const text = JSON.stringify(
            buildConfigFile(settings, bdMappings(), {
                ...meta,
                exportedFrom: 'https://admin:district@dhis2.example.org',
            })
        )
        expect(text).not.toContain('s3cret')
        expect(text).not.toContain('district')
        expect(withoutCredentials('https://opensrp.example.org/opensrp')).toBe(
            'https://opensrp.example.org/opensrp'
        )
    })

    it('imports into a DHIS2 without settings with the salt of the file', () => {
        const result = readConfigFile(exported(), {})
        expect(result).toMatchObject({ ok: true, salt: 'from-file' })
        expect(result.ok && result.settings?.uidSalt).toBe(SALT)
        expect(result.ok && result.mappings).toEqual(bdMappings())
    })

    it("keeps the target's own salt unless told to replace it", () => {
        const kept = readConfigFile(exported(), { uidSalt: OTHER_SALT })
        expect(kept).toMatchObject({ ok: true, salt: 'kept-target' })
        expect(kept.ok && kept.settings?.uidSalt).toBe(OTHER_SALT)
        const replaced = readConfigFile(exported(), { uidSalt: OTHER_SALT }, { replaceSalt: true })
        expect(replaced.ok && replaced.settings?.uidSalt).toBe(SALT)
    })

    it("reads the app's mappings export (mappings alone) and leaves the settings be", () => {
        const result = readConfigFile(bdMappings(), { uidSalt: OTHER_SALT })
        expect(result).toMatchObject({ ok: true, salt: 'none' })
        expect(result.ok && result.settings).toBeUndefined()
    })

    it('refuses the whole file when any part is invalid, naming every problem', () => {
        const file = exported()
        const settings = file.settings as Record<string, unknown>
        const mappings = file.mappings as Record<string, unknown>
        const broken = {
            ...file,
            settings: { ...settings, pageSize: 0, password: 'x' },
            mappings: { ...mappings, outOfAreaKeep: 'nowhere' },
        }
        const result = readConfigFile(broken, {})
        expect(result.ok).toBe(false)
        const problems = result.ok ? [] : result.problems
        expect(problems.join('\n')).toMatch(/mappings\.outOfAreaKeep/)
        expect(problems.join('\n')).toMatch(/settings\.pageSize/)
        expect(problems.join('\n')).toMatch(/password/)
    })

    it('refuses a file of a newer format version', () => {
        const result = readConfigFile({ ...exported(), formatVersion: 2 }, {})
        expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/newer connector/)] })
    })
})

describe('the changes an import makes', () => {
    it('lists each changed leaf, and never prints the salt', () => {
        const before = {
            settings: { pageSize: 500, uidSalt: 'a-salt-aaaaaaaaaa' },
            mappings: { explicit: { x: 'A' } },
        }
        const after = {
            settings: { pageSize: 250, uidSalt: 'b-salt-bbbbbbbbbb' },
            mappings: { explicit: { y: 'B' } },
        }
        const lines = describeChanges(diffConfig(before, after))
        expect(lines).toEqual([
            '  ~ settings.pageSize: 500 → 250',
            '  settings.uidSalt: changed (value not shown)',
            '  - mappings.explicit.x: "A"',
            '  + mappings.explicit.y: "B"',
        ])
    })

    it('finds nothing to change in the same configuration', () => {
        expect(diffConfig(bdMappings(), bdMappings())).toEqual([])
    })
})
