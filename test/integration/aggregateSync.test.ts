/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { startHarness, type Harness, type Raw } from './support/syncHarness'

/**
 * Issue 9's acceptance, for BCG doses and child registrations: DHIS2's values per facility,
 * month and sex equal counts computed here from OpenSRP's raw records (not with the app's code).
 */

const MONTHLY = 'Qnf0P01U3T1'
const BCG = 'B0jp1RrdN32'
const CHILD_REG = 'ieAFUesw47C'
const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const COC = { Male: 'ocU7V0kuUHq', Female: 'm48aYeV9dEa' } as Record<string, string>

async function dhis2Values(h: Harness): Promise<Map<string, string>> {
    const { organisationUnits } = (await h.dhis2('organisationUnits?paging=false&fields=id')) as {
        organisationUnits: Array<{ id: string }>
    }
    const ous = organisationUnits.map((ou) => `orgUnit=${ou.id}`).join('&')
    const body = await h.dhis2(
        `dataValueSets?dataSet=${MONTHLY}&${ous}&startDate=2000-01-01&endDate=2030-12-31`
    )
    const values = new Map<string, string>()
    for (const v of (body.dataValues as Raw[] | undefined) ?? []) {
        if (v.dataElement !== BCG && v.dataElement !== CHILD_REG) continue
        values.set(
            `${v.orgUnit}|${v.period}|${v.dataElement}|${v.categoryOptionCombo}`,
            String(v.value)
        )
    }
    return values
}

async function oracle(h: Harness): Promise<Map<string, string>> {
    const { organisationUnits } = (await h.dhis2(
        'organisationUnits?paging=false&fields=id,attributeValues[value,attribute[id]]'
    )) as {
        organisationUnits: Array<{
            id: string
            attributeValues: Array<{ value: string; attribute: { id: string } }>
        }>
    }
    const orgUnitOf = new Map<string, string>()
    for (const ou of organisationUnits) {
        for (const v of ou.attributeValues)
            if (v.attribute.id === LOCATION_ATTRIBUTE) orgUnitOf.set(v.value, ou.id)
    }
    const clients = new Map(
        (await h.opensrpAll('rest/client/getAll')).map((c) => [String(c.baseEntityId), c])
    )
    const counts = new Map<string, Set<string>>()
    const add = (key: string, who: string) =>
        counts.set(key, (counts.get(key) ?? new Set()).add(who))
    for (const event of await h.opensrpAll('rest/event/getAll')) {
        if (event.voided === true) continue
        const client = clients.get(String(event.baseEntityId))
        if (!client || client.voided === true) continue
        const orgUnit = orgUnitOf.get(String(event.locationId))
        if (!orgUnit) continue
        if (
            event.eventType === 'Vaccination' &&
            !(event.details as Raw | undefined)?.out_of_catchment_provider_id
        ) {
            const obs = (event.obs as Array<Raw & { values: unknown[] }>).find(
                (o) =>
                    o.fieldCode === '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' &&
                    o.parentCode === '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
            )
            const date = obs?.values[0]
            const coc = COC[String(client.gender)]
            if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !coc) continue
            add(
                `${orgUnit}|${date.slice(0, 4)}${date.slice(5, 7)}|${BCG}|${coc}`,
                String(event.baseEntityId)
            )
        }
        if (event.eventType === 'Birth Registration') {
            const date = /^(\d{4})-(\d{2})/.exec(String(event.eventDate))
            if (!date) continue
            add(
                `${orgUnit}|${date[1]}${date[2]}|${CHILD_REG}|HllvX50cXC0`,
                String(event.baseEntityId)
            )
        }
    }
    return new Map([...counts].map(([key, who]) => [key, String(who.size)]))
}

describe('aggregate sync on DHIS2 2.42', () => {
    let h: Harness
    beforeAll(async () => {
        h = await startHarness({ minor: 42 })
    })
    afterAll(() => h.close())

    it('posts, per facility, month and sex, the counts computed from the raw OpenSRP records', async () => {
        const result = await h.run({ scope: { streams: 'aggregate' } })
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.status).not.toBe('failed')
        const expected = await oracle(h)
        expect(expected.size).toBeGreaterThan(20)
        const actual = await dhis2Values(h)
        expect(Object.fromEntries([...actual].sort())).toEqual(
            Object.fromEntries([...expected].sort())
        )
    })

    it('changes nothing on a rerun', async () => {
        const result = await h.run({ scope: { streams: 'aggregate' } })
        if (result.outcome !== 'ran') throw new Error('locked')
        expect(result.summary.aggregate?.written).toBe(0)
    })
})
