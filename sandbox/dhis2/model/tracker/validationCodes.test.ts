/**
 * @jest-environment node
 */
import { JsonRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { bdMetadata, bdModel } from '../testing/request'
import {
    DOB,
    DOSE_DE,
    FIRST_NAME,
    OSRP_ID,
    SEX,
    TT_PROGRAM,
    VACCINE_DE,
    enrollment,
    event,
    trackedEntity,
} from './testData'
import { errorCodes, syncImport } from './testImport'

/** The validation error codes a synchronous import reports, one payload per code. */

describe('POST tracker (sync)', () => {
    it.each([
        ['E1048', { trackedEntities: [trackedEntity('bad-uid', 'X-1')] }],
        [
            'E1005',
            {
                trackedEntities: [
                    trackedEntity('Tetmissing1', 'X-2', [], { trackedEntityType: 'Nope0000001' }),
                ],
            },
        ],
        [
            'E1006',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attrmissin1', 'X-3'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-3' },
                            { attribute: 'Nope0000001', value: 'x' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1007',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attrtype001', 'X-4'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-4' },
                            { attribute: DOB, value: 'yesterday' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1125',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attropt0001', 'X-5'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-5' },
                            { attribute: SEX, value: 'UNKNOWN' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1090',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Mandatory01', 'X-6'),
                        attributes: [{ attribute: FIRST_NAME, value: 'A' }],
                    },
                ],
            },
        ],
        [
            'E1018',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Mandatory02', 'X-7', [enrollment('Mandenr0001')]),
                        attributes: [{ attribute: OSRP_ID, value: 'X-7' }],
                    },
                ],
            },
        ],
        [
            'E1019',
            {
                trackedEntities: [
                    trackedEntity('Notprog0001', 'X-8', [
                        enrollment('Notprog0002', [], {
                            program: TT_PROGRAM,
                            attributes: [{ attribute: 'GKuYUURSRwy', value: 'x' }],
                        }),
                    ]),
                ],
            },
        ],
        [
            'E1023',
            {
                trackedEntities: [
                    trackedEntity('Nooccur0001', 'X-9', [
                        enrollment('Nooccur0002', [], { occurredAt: undefined }),
                    ]),
                ],
            },
        ],
        [
            'E1025',
            {
                trackedEntities: [
                    trackedEntity('Noenrol0001', 'X-10', [
                        enrollment('Noenrol0002', [], { enrolledAt: undefined }),
                    ]),
                ],
            },
        ],
        [
            'E1041',
            {
                trackedEntities: [
                    trackedEntity(
                        'Notassign01',
                        'X-11',
                        [enrollment('Notassign02', [], { orgUnit: 'TJVyV3rXr9T' })],
                        { orgUnit: 'TJVyV3rXr9T' }
                    ),
                ],
            },
        ],
        [
            'E1069',
            {
                trackedEntities: [
                    trackedEntity('Noprog00001', 'X-12', [
                        enrollment('Noprog00002', [], { program: 'Nope0000001' }),
                    ]),
                ],
            },
        ],
        [
            'E1070',
            {
                trackedEntities: [
                    trackedEntity('Noou0000001', 'X-13', [
                        enrollment('Noou0000002', [], { orgUnit: 'Nope0000001' }),
                    ]),
                ],
            },
        ],
        [
            // An unknown data element is E1304 (DataValuesValidator); E1087 is never emitted.
            'E1304',
            {
                trackedEntities: [
                    trackedEntity('Node0000001', 'X-14', [
                        enrollment('Node0000002', [
                            event('Node0000003', {
                                dataValues: [{ dataElement: 'Nope0000001', value: '1' }],
                            }),
                        ]),
                    ]),
                ],
            },
        ],
        [
            'E1125',
            {
                trackedEntities: [
                    trackedEntity('Deopt000001', 'X-15', [
                        enrollment('Deopt000002', [
                            event('Deopt000003', {
                                dataValues: [
                                    { dataElement: VACCINE_DE, value: 'ROTA' },
                                    { dataElement: DOSE_DE, value: '1' },
                                ],
                            }),
                        ]),
                    ]),
                ],
            },
        ],
        [
            'E1016',
            {
                trackedEntities: [
                    trackedEntity('Twice000001', 'X-16', [
                        enrollment('Twice000002'),
                        enrollment('Twice000003', [], { status: 'COMPLETED' }),
                    ]),
                ],
            },
        ],
    ] as const)('reports %s', async (code, payload) => {
        const { res, report } = await syncImport(42, payload)
        expect(res.status).toBe(409)
        expect(errorCodes(report)).toContain(code)
    })

    it('reports E1015 for a second active enrollment when the program allows several', async () => {
        const model = bdModel(42, { clock: fixedClock })
        const program = records((bdMetadata() as JsonRecord).programs).find(
            (p) => p.id === TT_PROGRAM
        )
        expect(
            model.importMetadata({ programs: [{ ...program, onlyEnrollOnce: false }] }).status
        ).toBe(200)
        const te = trackedEntity('Activetwo01', 'X-17', [
            enrollment('Activetwo02', [], { program: TT_PROGRAM }),
        ])
        expect((await syncImport(42, { trackedEntities: [te] }, {}, model)).res.status).toBe(200)
        const second = await syncImport(
            42,
            {
                enrollments: [
                    {
                        ...enrollment('Activetwo03', [], { program: TT_PROGRAM }),
                        trackedEntity: 'Activetwo01',
                    },
                ],
            },
            {},
            model
        )
        expect(errorCodes(second.report)).toEqual(['E1015'])
    })

    // `UniqueAttributesSupplier.getDuplicatedUniqueValuesInPayload`: every tracked entity of the
    // payload that shares the value is flagged, the first one included.
    it('checks unique attribute values across tracked entities (E1064), also within one payload', async () => {
        const { report } = await syncImport(42, {
            trackedEntities: [
                trackedEntity('Uniqueone01', 'SAME'),
                trackedEntity('Uniquetwo01', 'SAME'),
            ],
        })
        expect(errorCodes(report)).toEqual(['E1064', 'E1064'])
        const errors = records((report.validationReport as JsonRecord).errorReports)
        expect(errors.map((e) => e.uid)).toEqual(['Uniqueone01', 'Uniquetwo01'])
    })
})
