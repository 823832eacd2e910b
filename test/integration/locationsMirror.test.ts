/**
 * @jest-environment node
 */
import { send } from '../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'

import { adminAuth } from './support/eventDelivery'

describe('locations mirror the DHIS2 org units in both sandboxes', () => {
    it.each([
        [5, false],
        [12, false],
        [7, true],
    ])('with %i facilities (location ids are org unit UIDs: %p)', async (facilities, uidsAsIds) => {
        const opensrp = await startOpenSrpSandbox({
            children: 0,
            facilities,
            locationIdsAsOrgUnitUids: uidsAsIds,
        })
        const dhis2 = await startDhis2Sandbox({ facilities })
        try {
            const source = createOpenSrpSource(
                createTransport({ mode: 'direct', baseUrl: opensrp.url, auth: adminAuth }),
                { pageSize: 4 }
            )
            const { locations, quarantined } = await source.listLocations()
            expect(quarantined).toEqual([])
            const admin = `Basic ${Buffer.from('admin:district').toString('base64')}`
            const response = await send(
                `${dhis2.url}/api/organisationUnits?paging=false&fields=id,code,name,level,attributeValues[value,attribute[id]]`,
                { headers: { Authorization: admin } }
            )
            const { organisationUnits } = JSON.parse(response.text) as {
                organisationUnits: Array<{
                    id: string
                    code: string
                    name: string
                    level: number
                    attributeValues: Array<{ value: string; attribute: { id: string } }>
                }>
            }
            const fromDhis2 = organisationUnits
                .map((ou) => ({
                    id: uidsAsIds
                        ? ou.id
                        : ou.attributeValues.find((v) => v.attribute.id === 'DdF4IJAsTOS')?.value,
                    code: ou.code,
                    name: ou.name,
                    level: ou.level,
                }))
                .sort((a, b) => a.code.localeCompare(b.code))
            const fromOpenSrp = locations
                .map((l) => ({ id: l.id, code: l.code, name: l.name, level: l.geographicLevel }))
                .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))
            expect(fromOpenSrp).toEqual(fromDhis2)
            expect(fromOpenSrp.filter((l) => l.level === 6)).toHaveLength(facilities)
        } finally {
            await dhis2.close()
            await opensrp.close()
        }
    })
})
