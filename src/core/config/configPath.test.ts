import { configPath, describeIssue } from './configPath'

describe('configPath', () => {
    it('writes object keys with dots and array indexes in brackets', () => {
        expect(configPath(['mappings', 'tracker', 'programs', 0, 'program'])).toBe(
            'mappings.tracker.programs[0].program'
        )
    })

    it('quotes keys that are not plain names', () => {
        expect(configPath(['mappings', 'orgUnits', 'explicit', 'loc 1'])).toBe(
            'mappings.orgUnits.explicit["loc 1"]'
        )
    })

    it('puts the path before the message', () => {
        expect(describeIssue({ path: 'settings.pageSize', message: 'must be at least 1' })).toBe(
            'settings.pageSize: must be at least 1'
        )
    })
})
