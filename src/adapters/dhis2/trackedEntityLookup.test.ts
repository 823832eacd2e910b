/**
 * @jest-environment node
 */
import query240 from '../../../test/fixtures/dhis2/responses/trackedEntities-query-2.40.json'
import query241 from '../../../test/fixtures/dhis2/responses/trackedEntities-query-2.41.json'
import { Dhis2RequestError } from './failures'
import {
    escapeFilterValue,
    filtersFor,
    findTrackedEntitiesByAttribute,
} from './trackedEntityLookup'
import { fail, httpError, reply, scriptedEngine } from './testing/scriptedEngine'

const OSRP_ID = 'caS6LyxoM41'
const PERSON = 'ligA6yGUkYl'
const lookup = { trackedEntityType: PERSON, attribute: OSRP_ID, values: ['BD-KAL-000123'] }
const version = (minor: number) => ({ major: 2, minor, patch: 0 })

const found = {
    trackedEntity: 'r8T8cT9Llcp',
    orgUnit: 'yI54G6cBAtY',
    value: 'BD-KAL-000123',
    enrollments: [{ enrollment: 'rP1YcJhxdLR', program: 'C15BBx4PSBf' }],
}

describe('finding tracked entities by their OpenSRP ID', () => {
    it.each([
        [40, query240, { ouMode: 'ACCESSIBLE' }],
        [41, query241, { orgUnitMode: 'ACCESSIBLE' }],
        [42, query241, {}],
    ] as const)(
        'on 2.%i reads the list DHIS2 sends with the scope it needs',
        async (minor, body, scope) => {
            const engine = scriptedEngine({ 'read tracker/trackedEntities': reply(body) })
            const result = await findTrackedEntitiesByAttribute(engine, version(minor), lookup)
            expect(result).toEqual([found])
            expect(engine.requests[0]?.params).toEqual({
                trackedEntityType: PERSON,
                filter: [`${OSRP_ID}:IN:BD-KAL-000123`],
                fields: 'trackedEntity,orgUnit,attributes[attribute,value],enrollments[enrollment,program]',
                page: 1,
                pageSize: 100,
                ...scope,
            })
        }
    )

    it('reads every page until a short one', async () => {
        const te = (n: number) => ({
            trackedEntity: `te${String(n).padStart(9, '0')}`,
            orgUnit: 'yI54G6cBAtY',
            attributes: [{ attribute: OSRP_ID, value: `V${n}` }],
        })
        const values = Array.from({ length: 130 }, (_, n) => `V${n}`)
        const engine = scriptedEngine({
            'read tracker/trackedEntities': (request) => {
                const filters: unknown = request.params.filter
                const filter = Array.isArray(filters) ? String(filters[0]) : ''
                const asked = filter.split(':IN:')[1]?.split(';') ?? []
                const matches = values
                    .filter((v) => asked.includes(v))
                    .map((v) => te(Number(v.slice(1))))
                const pageNumber = Number(request.params.page)
                return { trackedEntities: matches.slice((pageNumber - 1) * 100, pageNumber * 100) }
            },
        })
        const result = await findTrackedEntitiesByAttribute(engine, version(42), {
            ...lookup,
            values,
        })
        expect(result).toHaveLength(130)
        // 50 values per request: three groups, none reaching a full page of 100.
        expect(engine.requests).toHaveLength(3)
    })

    it('adopts only exact matches (DHIS2 compares case-insensitively)', async () => {
        const engine = scriptedEngine({ 'read tracker/trackedEntities': reply(query241) })
        const result = await findTrackedEntitiesByAttribute(engine, version(41), {
            ...lookup,
            values: ['bd-kal-000123'],
        })
        expect(result).toEqual([])
    })

    it('escapes the characters DHIS2 splits filters on, and asks for a value with ";" on its own', () => {
        expect(escapeFilterValue('a:b,c/d')).toBe('a/:b/,c/d'.replace('c/d', 'c//d'))
        expect(filtersFor(OSRP_ID, ['A1', 'B;2'])).toEqual([
            `${OSRP_ID}:IN:A1`,
            `${OSRP_ID}:EQ:B;2`,
        ])
    })

    it('throws a typed, retryable error when DHIS2 is down', async () => {
        const engine = scriptedEngine({
            'read tracker/trackedEntities': fail(httpError(503, { httpStatusCode: 503 })),
        })
        const error = await findTrackedEntitiesByAttribute(engine, version(42), lookup).catch(
            (e) => e
        )
        expect(error).toBeInstanceOf(Dhis2RequestError)
        expect(error).toMatchObject({ code: 'DHIS2_UNREACHABLE', retryable: true })
    })
})
