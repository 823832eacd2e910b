/**
 * @jest-environment node
 */
import { BD, asList, start, stopAll, summaryOf, user } from './connectorPaths.support'
import { FOUR, MINORS, PARAMS, monthly, post, stored } from './connectorPaths.dataValueSupport'
import { NURSE } from './testUtils'

/**
 * Data write sharing of the BD package over HTTP: like a ministry setup it shares the EPI data
 * sets and Sex options for data entry with the "EPI importers" (operator) and "EPI facility
 * staff" (nurse) groups only; a user outside them is refused as DHIS2 refuses it (E7601 aborts
 * 2.40–2.42 imports, 2.43 rejects the data set group with E8010).
 */

afterEach(stopAll)

describe.each(MINORS)('data write sharing on 2.%i', (minor) => {
    it('the nurse writes her facility through her group; without it she is refused', async () => {
        const { url, server } = await start(minor)
        const nurse = user(server, 'nurse')
        nurse.authorities.push('F_DATAVALUE_ADD')
        expect((await post(url, monthly(FOUR), PARAMS, NURSE)).status).toBe(200)
        expect(await stored(url)).toHaveLength(4)

        nurse.userGroups = []
        const reply = await post(url, monthly(FOUR, { period: '202402' }), PARAMS, NURSE)
        expect(reply.status).toBe(409)
        const conflicts = asList(summaryOf(reply.body).conflicts)
        expect(conflicts).toHaveLength(1)
        expect(conflicts[0]).toMatchObject(
            minor >= 43
                ? { errorCode: 'E8010', indexes: [0, 1, 2, 3] }
                : {
                      errorCode: 'E7601',
                      object: BD.monthly,
                      value: `User does not have write access for DataSet: \`${BD.monthly}\``,
                  }
        )
        expect(await stored(url, '202402')).toEqual([])
    })
})
