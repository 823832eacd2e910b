/** @jest-environment node */
import { defaultSettings, newUidSalt } from '../../core/config/defaults'
import { sampleMappings } from '../../core/config/testFacts'
import type { Mappings } from '../../core/config/types'
import { BD_AGGREGATE_MAPPING } from '../../core/templates/bdAggregate'
import { bdAntigenRules } from '../../core/templates/bdAntigens'
import { bdOrgUnitMapping } from '../../core/templates/bdOrgUnits'
import { bdTrackerMapping } from '../../core/templates/bdTracker'
import { migrate, parseMappings, parseSettings } from './configParse'

const salt = newUidSalt(new Uint8Array(16).map((_, i) => i * 17))
const settings = () => defaultSettings({ uidSalt: salt })

const bdMappings = (): Mappings => ({
    version: 1,
    orgUnits: bdOrgUnitMapping(),
    antigens: bdAntigenRules(),
    outOfAreaKeep: 'vaccinating-site',
    tracker: bdTrackerMapping(),
    aggregate: BD_AGGREGATE_MAPPING,
})

function issuesOf(result: ReturnType<typeof parseSettings> | ReturnType<typeof parseMappings>) {
    if (result.ok) throw new Error('expected issues')
    return result.issues.map((issue) => `${issue.path}: ${issue.message}`)
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value))

describe('parseSettings', () => {
    it('accepts the default settings as they are', () => {
        expect(parseSettings(json(settings()))).toEqual({ ok: true, value: settings() })
    })

    it('says which setting is missing or of the wrong kind', () => {
        const { pageSize: _dropped, ...rest } = settings()
        expect(issuesOf(parseSettings({ ...rest, maxAttempts: '5' }))).toEqual([
            'settings.pageSize: is missing',
            'settings.maxAttempts: expected a number, not "5"',
        ])
    })

    it('names misspelt keys', () => {
        expect(issuesOf(parseSettings({ ...settings(), pagesize: 100 }))).toEqual([
            "settings: unknown key 'pagesize' (misspelt?)",
        ])
    })

    it('explains an unknown access mode and a bad time zone', () => {
        const value = { ...settings(), opensrp: { mode: 'proxy' }, timeZone: 'Dhaka' }
        expect(issuesOf(parseSettings(value))).toEqual([
            "settings.opensrp.mode: 'mode' must be one of: route, direct",
            'settings.timeZone: expected a time zone such as Asia/Dhaka, not "Dhaka"',
        ])
    })

    it('refuses settings saved by a newer connector', () => {
        expect(issuesOf(parseSettings({ ...settings(), version: 2 }))).toEqual([
            'settings.version: version 2 was saved by a newer OpenSRP Connector; this one reads up to version 1. Update the app (and the CLI) first.',
        ])
    })

    it('refuses what is not an object', () => {
        expect(issuesOf(parseSettings('settings'))).toEqual([
            'settings: expected an object, not "settings"',
        ])
    })
})

describe('parseMappings', () => {
    it('accepts the BD template', () => {
        const result = parseMappings(json(bdMappings()))
        expect(result).toEqual({ ok: true, value: bdMappings() })
    })

    it('accepts the checks’ sample mapping', () => {
        expect(parseMappings(json(sampleMappings())).ok).toBe(true)
    })

    it('gives the path of a value that is not a UID', () => {
        const mappings = json(bdMappings())
        mappings.tracker!.programs[0]!.program = 'child-program'
        expect(issuesOf(parseMappings(mappings))).toEqual([
            'mappings.tracker.programs[0].program: expected a DHIS2 UID (11 letters and digits, starting with a letter), not "child-program"',
        ])
    })

    it('follows nested value sources', () => {
        const mappings = json(bdMappings())
        mappings.tracker!.attributes[0]!.source = {
            from: 'firstOf',
            sources: [{ from: 'field', field: 'surname' as 'lastName' }],
        }
        expect(issuesOf(parseMappings(mappings))).toEqual([
            'mappings.tracker.attributes[0].source.sources[0].field: expected one of "firstName", "middleName", "lastName", "gender", "birthdate", "deathdate", "clientType", not "surname"',
        ])
    })

    it('refuses a mapping whose parts do not agree', () => {
        const mappings = json(bdMappings())
        mappings.antigens = mappings.antigens.filter((rule) => rule.antigen !== 'tt')
        expect(issuesOf(parseMappings(mappings))).toEqual(
            expect.arrayContaining([
                "mappings.tracker.programs[1].vaccinations.antigens[0]: the antigen 'tt' is not defined: add it under mappings.antigens or remove it here",
            ])
        )
    })

    it('quotes explicit location ids that are not plain names', () => {
        const mappings = json(bdMappings())
        mappings.orgUnits.explicit['loc 7'] = 'nope'
        expect(issuesOf(parseMappings(mappings))).toEqual([
            'mappings.orgUnits.explicit["loc 7"]: expected a DHIS2 UID (11 letters and digits, starting with a letter), not "nope"',
        ])
    })
})

describe('migrate', () => {
    it('upgrades version by version to the current one', () => {
        const upgraded = migrate('settings', { version: 1, pageSize: 50 }, 3, {
            1: (v) => ({ ...v, trackerWriter: 'auto' }),
            2: (v) => ({ ...v, pageSize: Number(v.pageSize) * 2 }),
        })
        expect(upgraded).toEqual({
            ok: true,
            value: { version: 3, pageSize: 100, trackerWriter: 'auto' },
            migratedFrom: 1,
        })
    })

    it('refuses a version it has no upgrade for', () => {
        expect(migrate('mappings', { version: 1 }, 2, {})).toEqual({
            ok: false,
            issues: [{ path: 'mappings.version', message: 'no upgrade from version 1 to 2' }],
        })
    })
})
