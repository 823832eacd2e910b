/** @jest-environment node */
import type { OpenSrpClient, OpenSrpLocation } from '../../core/domain/opensrp'
import { createOrgUnitResolver } from '../../core/orgUnits/resolver'
import type { Dhis2OrgUnit } from '../../core/orgUnits/types'
import { scopeKey, scopesOverlap } from '../../core/runs/scope'
import {
    MAX_LOCATION_ID_CHARS,
    partitionFor,
    RunScopeError,
    scopeWithPaths,
    type PartitionInput,
} from './scopePartition'

const unit = (id: string, path: string, name = id): Dhis2OrgUnit => ({
    id,
    name,
    path,
    attributeValues: [],
})

// Country → upazila → two unions, each with two facilities.
const ORG_UNITS = [
    unit('Country0001', '/Country0001'),
    unit('Upazila0001', '/Country0001/Upazila0001'),
    unit('UnionA00001', '/Country0001/Upazila0001/UnionA00001'),
    unit('UnionB00001', '/Country0001/Upazila0001/UnionB00001'),
    unit('FacA1000001', '/Country0001/Upazila0001/UnionA00001/FacA1000001', 'A1 EPI Centre'),
    unit('FacA2000001', '/Country0001/Upazila0001/UnionA00001/FacA2000001', 'A2 EPI Centre'),
    unit('FacB1000001', '/Country0001/Upazila0001/UnionB00001/FacB1000001', 'B1 EPI Centre'),
]

const location = (id: string, name = id): OpenSrpLocation => ({
    id,
    name,
    status: 'Active',
    tags: [],
})

const LOCATIONS = [
    location('loc-union-a'),
    location('loc-a1', 'A1 EPI Centre'),
    location('loc-a2', 'A2 EPI Centre'),
    location('loc-b1', 'B1 EPI Centre'),
    location('loc-unmapped'),
]

const resolver = createOrgUnitResolver(
    {
        explicit: {
            'loc-union-a': 'UnionA00001',
            'loc-a1': 'FacA1000001',
            'loc-a2': 'FacA2000001',
            'loc-b1': 'FacB1000001',
        },
        rules: [],
    },
    LOCATIONS,
    ORG_UNITS
)

const client = (overrides: Partial<OpenSrpClient>): OpenSrpClient => ({
    id: 'c',
    baseEntityId: 'c',
    identifiers: {},
    attributes: {},
    addresses: [],
    relationships: {},
    voided: false,
    serverVersion: 1,
    ...overrides,
})

const input = (overrides: Partial<PartitionInput> = {}): PartitionInput => ({
    scope: { streams: 'both', orgUnits: ['UnionA00001'] },
    orgUnits: ORG_UNITS,
    locations: LOCATIONS,
    resolver,
    events: { endpoint: 'getAll' },
    tracker: { addressFacilityField: 'address4' },
    ...overrides,
})

function mustPartition(overrides: Partial<PartitionInput> = {}) {
    const partition = partitionFor(input(overrides))
    if (!partition) throw new Error('expected a partition')
    return partition
}

describe('scopeWithPaths', () => {
    it('writes each org unit as its DHIS2 path, so a union run and a run over one of its facilities are seen to overlap', () => {
        const union = scopeWithPaths({ streams: 'both', orgUnits: ['UnionA00001'] }, ORG_UNITS)
        const facility = scopeWithPaths({ streams: 'both', orgUnits: ['FacA1000001'] }, ORG_UNITS)
        expect(union.orgUnits).toEqual(['/Country0001/Upazila0001/UnionA00001'])
        expect(scopesOverlap(union, facility)).toBe(true)
        expect(scopeKey(union)).toBe('ou-UnionA00001')
    })

    it('keeps sibling subtrees apart', () => {
        const a = scopeWithPaths({ streams: 'both', orgUnits: ['UnionA00001'] }, ORG_UNITS)
        const b = scopeWithPaths({ streams: 'both', orgUnits: ['UnionB00001'] }, ORG_UNITS)
        expect(scopesOverlap(a, b)).toBe(false)
    })

    it('leaves the whole country as it is', () => {
        expect(scopeWithPaths({ streams: 'tracker' }, ORG_UNITS)).toEqual({ streams: 'tracker' })
    })

    it('refuses an org unit DHIS2 does not know, naming it', () => {
        expect(() =>
            scopeWithPaths({ streams: 'both', orgUnits: ['Typo0000001'] }, ORG_UNITS)
        ).toThrow(/'Typo0000001'/)
        expect(() =>
            scopeWithPaths({ streams: 'both', orgUnits: ['Typo0000001'] }, ORG_UNITS)
        ).toThrow(RunScopeError)
    })
})

describe('partitionFor', () => {
    it('is undefined for the whole country (the settings decide how events are read)', () => {
        expect(partitionFor(input({ scope: { streams: 'both' } }))).toBeUndefined()
    })

    it('reads the events of every OpenSRP location that maps into the subtree, the root included, through the sync endpoint', () => {
        const partition = mustPartition()
        expect(partition.events).toEqual({
            endpoint: 'sync',
            locationIds: ['loc-a1', 'loc-a2', 'loc-union-a'],
        })
        expect(partition.locations.map((l) => l.id).sort()).toEqual([
            'loc-a1',
            'loc-a2',
            'loc-union-a',
        ])
    })

    it('narrows a sync selection of the settings to its locations inside the subtree', () => {
        const partition = mustPartition({
            events: { endpoint: 'sync', locationIds: ['loc-a1', 'loc-b1'] },
        })
        expect(partition.events).toEqual({ endpoint: 'sync', locationIds: ['loc-a1'] })
    })

    it('owns the clients whose home facility lies in the subtree, by locationId or by the address facility name', () => {
        const partition = mustPartition()
        expect(partition.ownsClient(client({ locationId: 'loc-a2' }))).toBe(true)
        expect(partition.ownsClient(client({ locationId: 'loc-b1' }))).toBe(false)
        const mother = client({ addresses: [{ addressFields: { address4: 'A1 EPI Centre' } }] })
        expect(partition.ownsClient(mother)).toBe(true)
    })

    it('keeps a client whose home cannot be placed in every subtree, so each run reports it', () => {
        const a = mustPartition()
        const b = mustPartition({ scope: { streams: 'both', orgUnits: ['UnionB00001'] } })
        const lost = client({ locationId: 'loc-unmapped' })
        expect(a.ownsClient(lost)).toBe(true)
        expect(b.ownsClient(lost)).toBe(true)
    })

    it('refuses a subtree no OpenSRP location maps into', () => {
        const noLocations = [unit('Empty000001', '/Country0001/Empty000001'), ...ORG_UNITS]
        expect(() =>
            partitionFor(
                input({
                    orgUnits: noLocations,
                    scope: { streams: 'both', orgUnits: ['/Country0001/Empty000001'] },
                })
            )
        ).toThrow(/No OpenSRP location maps to an organisation unit in Empty000001/)
    })

    it('refuses a subtree whose location ids would not fit in one OpenSRP URL, saying to split it', () => {
        const many = Array.from({ length: 200 }, (_, i) =>
            location(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
        )
        const manyResolver = createOrgUnitResolver(
            {
                explicit: Object.fromEntries(many.map((l) => [l.id, 'FacA1000001'])),
                rules: [],
            },
            many,
            ORG_UNITS
        )
        expect(many.map((l) => l.id).join(',').length).toBeGreaterThan(MAX_LOCATION_ID_CHARS)
        expect(() => partitionFor(input({ locations: many, resolver: manyResolver }))).toThrow(
            /200 OpenSRP locations.*Split it into smaller subtrees/
        )
    })
})
