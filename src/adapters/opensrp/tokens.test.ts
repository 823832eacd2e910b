/**
 * @jest-environment node
 */
import axios from 'axios'
import { json, startScriptedServer } from '../../../test/support/scriptedServer'
import { renewalMargin, TokenManager } from './tokens'

const settings = (url: string) => ({
    tokenUrl: `${url}/auth/realms/opensrp/protocol/openid-connect/token`,
    clientId: 'opensrp-server-web',
    clientSecret: 'sandbox-secret',
    username: 'opensrp-admin',
    password: 'Admin123',
})

async function tokenServer(expiresIn: number) {
    let issued = 0
    const server = await startScriptedServer((request) => {
        const grant = new URLSearchParams(request.body).get('grant_type')
        issued += 1
        return json(200, {
            access_token: `${grant ?? ''}-${issued}`,
            expires_in: expiresIn,
            refresh_token: `r${issued}`,
        })
    })
    return server
}

describe('TokenManager renewal margin', () => {
    it('is 15 s for usual lifetimes and a quarter of short ones', () => {
        expect(renewalMargin(300_000)).toBe(15_000)
        expect(renewalMargin(60_000)).toBe(15_000)
        expect(renewalMargin(15_000)).toBe(3_750)
        expect(renewalMargin(10_000)).toBe(2_500)
    })

    it.each([
        [10, 7_499, 7_500],
        [15, 11_249, 11_250],
        [300, 284_999, 285_000],
    ])(
        'reuses a %i s token until %i ms and renews it at %i ms',
        async (expiresIn, lastUse, renewal) => {
            const server = await tokenServer(expiresIn)
            let clock = 1_000_000
            const tokens = new TokenManager(axios.create(), settings(server.url), () => clock)
            try {
                const first = await tokens.accessToken()
                clock += 1_000
                expect(await tokens.accessToken()).toBe(first)
                clock = 1_000_000 + lastUse
                expect(await tokens.accessToken()).toBe(first)
                expect(server.received).toHaveLength(1)
                clock = 1_000_000 + renewal
                expect(await tokens.accessToken()).toBe('refresh_token-2')
                expect(server.received).toHaveLength(2)
            } finally {
                await server.close()
            }
        }
    )
})
