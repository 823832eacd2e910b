/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import type { ScriptedRequest, ScriptedResponse } from '../../../test/support/scriptedServer'
import { json, startScriptedServer } from '../../../test/support/scriptedServer'
import { createNodeEngine } from './engine'
import { Dhis2RequestError } from './failures'
import { createMetadataReader } from './metadata'

async function readerAgainst(handler: (request: ScriptedRequest) => ScriptedResponse) {
    const server = await startScriptedServer((request) =>
        request.url.pathname === '/api/system/info'
            ? json(200, { version: '2.41.2' })
            : handler(request)
    )
    const { engine } = await createNodeEngine({
        baseUrl: server.url,
        auth: { type: 'token', token: 'd2pat_x' },
    })
    const requests = () => server.received.filter((r) => r.url.pathname !== '/api/system/info')
    return { reader: createMetadataReader(engine), requests, close: server.close }
}

const failureOf = (promise: Promise<unknown>) =>
    promise.then(
        () => {
            throw new Error('expected a failure')
        },
        (error: unknown) => error
    )

describe('metadata reads', () => {
    it('asks for UIDs in groups of 100 with narrow fields and no paging', async () => {
        const { reader, requests, close } = await readerAgainst(() => json(200, { dataSets: [] }))
        try {
            const ids = Array.from({ length: 150 }, (_, i) => `Ds${String(i).padStart(9, '0')}`)
            expect(await reader.dataSetFacts(ids)).toEqual([])
            const sent = requests().map((r) => r.url.searchParams)
            expect(sent).toHaveLength(2)
            expect(sent[0]?.get('paging')).toBe('false')
            expect(sent[0]?.get('fields')).toMatch(
                /^id,name,periodType,openFuturePeriods,expiryDays,/
            )
            expect(sent[1]?.get('filter')).toBe(`id:in:[${ids.slice(100).join(',')}]`)
        } finally {
            await close()
        }
    })

    it('says when the user may not read the metadata', async () => {
        const { reader, close } = await readerAgainst(() =>
            json(403, { httpStatusCode: 403, message: 'Access denied' })
        )
        try {
            const error = await failureOf(reader.programFacts(['ProgChild01']))
            expect(error).toBeInstanceOf(Dhis2RequestError)
            expect(error).toMatchObject({
                code: 'DHIS2_ACCESS_DENIED',
                retryable: false,
                message: 'This DHIS2 user may not read programs (403): Access denied.',
            })
        } finally {
            await close()
        }
    })

    it('counts a server error as worth retrying', async () => {
        const { reader, close } = await readerAgainst(() => json(502, {}))
        try {
            expect(await failureOf(reader.relationshipTypes())).toMatchObject({
                code: 'DHIS2_UNREACHABLE',
                retryable: true,
            })
        } finally {
            await close()
        }
    })

    it('refuses an answer of an unexpected shape instead of guessing', async () => {
        const { reader, close } = await readerAgainst(() =>
            json(200, { programs: [{ id: 'ProgChild01', name: 'Child' }] })
        )
        try {
            expect(await failureOf(reader.programFacts(['ProgChild01']))).toMatchObject({
                code: 'DHIS2_UNEXPECTED_ANSWER',
                message:
                    'DHIS2 answered the list of programs in an unexpected shape (0.programType: Invalid input: expected string, received undefined).',
            })
        } finally {
            await close()
        }
    })
})
