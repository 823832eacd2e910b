/**
 * @jest-environment node
 */
import { mkdtempSync, rmSync } from 'fs'
import os from 'os'
import path from 'path'
import { buildHierarchy } from '../shared/hierarchy'
import { startDhis2Sandbox } from './server'
import { ADMIN, appZip, fetch, OPERATOR, readJson, uploadApp } from './testUtils'

/** The shell with the real data model (sandbox/dhis2/model). */

const dirs: string[] = []
afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

it('loads the BD package plus generated facilities, assigned to both data sets and programs', async () => {
    const server = await startDhis2Sandbox({ minor: 41, facilities: 7 })
    try {
        const generated = buildHierarchy(7).filter((n) => n.generated && n.level === 6)
        expect(generated).toHaveLength(2)
        const facility = generated[0]
        if (!facility) throw new Error('no generated facility')
        const units = await readJson(
            await fetch(
                `${server.url}/api/41/organisationUnits?filter=code:eq:${facility.code}&fields=id,code,path,attributeValues[value,attribute[id]]`,
                { headers: { Authorization: OPERATOR } }
            )
        )
        expect(units).toMatchObject({
            organisationUnits: [
                {
                    id: facility.uid,
                    attributeValues: [{ value: facility.openSrpLocationId }],
                },
            ],
        })
        expect(server.model.orgUnitPath(facility.uid)).toContain('/NWRRJHHp571/')
        const dataSet = (await readJson(
            await fetch(`${server.url}/api/dataSets/Qnf0P01U3T1?fields=organisationUnits[id]`, {
                headers: { Authorization: ADMIN },
            })
        )) as { organisationUnits: Array<{ id: string }> }
        expect(dataSet.organisationUnits.map((u) => u.id)).toEqual(
            expect.arrayContaining([facility.uid, 'yI54G6cBAtY'])
        )
        const program = (await readJson(
            await fetch(`${server.url}/api/programs/C15BBx4PSBf?fields=organisationUnits[id]`, {
                headers: { Authorization: ADMIN },
            })
        )) as { organisationUnits: Array<{ id: string }> }
        expect(program.organisationUnits).toHaveLength(7)
    } finally {
        await server.close()
    }
})

it('reaches the model through version prefixes and with the authenticated user', async () => {
    const server = await startDhis2Sandbox({ minor: 42 })
    try {
        const response = await fetch(
            `${server.url}/api/42/dataElements.json?fields=id&pageSize=1`,
            {
                headers: { Authorization: OPERATOR },
            }
        )
        expect(response.status).toBe(200)
        expect(await readJson(response)).toMatchObject({
            dataElements: [{ id: expect.any(String) }],
        })
        const ids = await readJson(
            await fetch(`${server.url}/api/system/id?limit=2`, {
                headers: { Authorization: ADMIN },
            })
        )
        expect(ids).toEqual({ codes: [expect.any(String), expect.any(String)] })
    } finally {
        await server.close()
    }
})

it('persists model, dataStore, apps and routes in dataDir across restarts of the process', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dhis2-sandbox-'))
    dirs.push(dataDir)
    const first = await startDhis2Sandbox({ minor: 42, dataDir })
    await uploadApp(first.url, appZip())
    await fetch(`${first.url}/api/dataStore/opensrp-connector/settings`, {
        method: 'POST',
        headers: { Authorization: OPERATOR, 'Content-Type': 'application/json' },
        body: '{"saved":true}',
    })
    await fetch(`${first.url}/api/routes`, {
        method: 'POST',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'OpenSRP', code: 'opensrp', url: 'http://127.0.0.1:9/**' }),
    })
    const token = first.operatorToken
    await first.close()

    const second = await startDhis2Sandbox({ minor: 42, dataDir })
    try {
        expect(second.operatorToken).toBe(token)
        const auth = { headers: { Authorization: OPERATOR } }
        expect(
            await readJson(
                await fetch(`${second.url}/api/dataStore/opensrp-connector/settings`, auth)
            )
        ).toEqual({
            saved: true,
        })
        expect(
            await readJson(
                await fetch(`${second.url}/api/apps`, { headers: { Authorization: ADMIN } })
            )
        ).toEqual([expect.objectContaining({ key: 'opensrp-connector' })])
        expect(
            await readJson(
                await fetch(`${second.url}/api/routes`, { headers: { Authorization: ADMIN } })
            )
        ).toMatchObject({
            routes: [{ code: 'opensrp' }],
        })
        const ou = await readJson(
            await fetch(`${second.url}/api/organisationUnits/yI54G6cBAtY?fields=id,name`, auth)
        )
        expect(ou).toEqual({ id: 'yI54G6cBAtY', name: 'Mouchak Ward 1 EPI Centre' })
    } finally {
        await second.close()
    }
    await expect(startDhis2Sandbox({ minor: 41, dataDir })).rejects.toThrow(/2\.42/)
})

it('restart() keeps data but loses async job state (the tracker job report)', async () => {
    const server = await startDhis2Sandbox({ minor: 42, asyncJobDelayMs: 20 })
    try {
        const post = await fetch(`${server.url}/api/tracker?async=true`, {
            method: 'POST',
            headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
            body: JSON.stringify({ trackedEntities: [] }),
        })
        const body = (await readJson(post)) as { response?: { id?: string } }
        const jobId = body.response?.id
        expect(jobId).toEqual(expect.any(String))
        const report = () =>
            fetch(`${server.url}/api/tracker/jobs/${String(jobId)}/report`, {
                headers: { Authorization: ADMIN },
            })
        let status = 0
        for (let i = 0; i < 50 && status !== 200; i++) {
            await new Promise((resolve) => setTimeout(resolve, 20))
            status = (await report()).status
        }
        expect(status).toBe(200)
        server.restart()
        expect((await report()).status).toBe(404)
        const ou = await fetch(`${server.url}/api/organisationUnits/yI54G6cBAtY?fields=id`, {
            headers: { Authorization: ADMIN },
        })
        expect(ou.status).toBe(200)
    } finally {
        await server.close()
    }
})
