import { accessOf } from './access'

describe('accessOf', () => {
    it('lets a superuser configure and run', () => {
        expect(accessOf({ authorities: ['ALL'] })).toMatchObject({
            superuser: true,
            canConfigure: true,
            canRun: true,
        })
    })

    it('lets an import operator run but not configure', () => {
        expect(accessOf({ authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'] })).toMatchObject({
            canConfigure: false,
            canRun: true,
        })
    })

    it('lets a configurer configure but not run', () => {
        expect(accessOf({ authorities: ['OPENSRP_CONNECTOR_CONFIGURE'] })).toMatchObject({
            canConfigure: true,
            canRun: false,
        })
    })

    it('gives a nurse with only the app neither right, and keeps her org units', () => {
        expect(
            accessOf({
                authorities: ['M_opensrpconnector'],
                organisationUnits: [{ id: 'yI54G6cBAtY' }],
                settings: { keyUiLocale: 'bn' },
            })
        ).toMatchObject({
            canConfigure: false,
            canRun: false,
            orgUnitIds: ['yI54G6cBAtY'],
            uiLocale: 'bn',
        })
    })

    it('gives an unknown user no rights', () => {
        expect(accessOf(undefined)).toMatchObject({
            canConfigure: false,
            canRun: false,
            orgUnitIds: [],
        })
    })
})
