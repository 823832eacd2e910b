import type { LedgerRow, SyncedRecord, SyncStore } from '../../src/core/ports/syncStore'

export const cellOf = (dataSet: string, orgUnit = 'OU1', period = '202401', de = 'DE1') =>
    `${dataSet}|${orgUnit}|${period}|${de}|COC1|AOC1`

export const ledgerRow = (countKey: string, eventKey: string, cell: string, serverVersion = 1) => ({
    countKey,
    eventKey,
    cell,
    serverVersion,
})

export const syncedRecord = (key: string, overrides: Partial<SyncedRecord> = {}): SyncedRecord => ({
    key,
    uid: `uid-${key}`,
    hash: `hash-${key}`,
    status: 'synced',
    serverVersion: 1,
    attempts: 0,
    updatedAt: 1000,
    ...overrides,
})

const failedRecord = (key: string, updatedAt: number, nextAttemptAt?: number) =>
    syncedRecord(key, {
        status: 'failed',
        updatedAt,
        attempts: 1,
        lastError: { code: 'E1000', message: 'no access' },
        ...(nextAttemptAt !== undefined && { nextAttemptAt }),
    })

const keysOf = (records: Array<{ key: string }>) => records.map((r) => r.key)

/** Every dirty cell of a data set, read page by page as the aggregate builder does. */
export async function allDirtyCells(store: SyncStore, dataSet: string, pageSize: number) {
    const cells = []
    let after: string | undefined
    for (;;) {
        const page = await store.dirtyCells(dataSet, after, pageSize)
        cells.push(...page)
        if (page.length < pageSize) return cells
        after = page[page.length - 1]?.cell
    }
}

/**
 * The behaviour every SyncStore must have (the port's doc comments are the spec), run against the
 * in-memory fake, the Dexie store and the SQLite store, so none of them can drift.
 */
export function runSyncStoreContract(name: string, makeStore: () => Promise<SyncStore>) {
    describe(`SyncStore contract: ${name}`, () => {
        let store: SyncStore

        beforeEach(async () => {
            store = await makeStore()
        })

        afterEach(async () => {
            await store.close()
        })

        describe('records', () => {
            it('reads back what was put, and nothing for keys never put', async () => {
                const full = failedRecord('event:e1', 5, 9)
                const plain = syncedRecord('client:c1', { orgUnit: 'OU1' })
                await store.putRecords([full, plain])

                const found = await store.getRecords(['event:e1', 'client:c1', 'client:none'])

                expect(found).toEqual(
                    new Map([
                        ['event:e1', full],
                        ['client:c1', plain],
                    ])
                )
                expect(found.get('client:c1')).not.toHaveProperty('lastError')
            })

            it('replaces a record put again under the same key, the last one winning', async () => {
                await store.putRecords([syncedRecord('client:c1', { hash: 'a' })])
                await store.putRecords([
                    syncedRecord('client:c1', { hash: 'b', status: 'failed' }),
                    syncedRecord('client:c1', { hash: 'c', serverVersion: 7 }),
                ])

                const found = await store.getRecords(['client:c1'])

                expect(found.get('client:c1')).toEqual(
                    syncedRecord('client:c1', { hash: 'c', serverVersion: 7 })
                )
                expect(await store.listFailed(0, 10)).toEqual([])
            })

            it('keeps its own copy: changing an object put or read changes nothing stored', async () => {
                const record = failedRecord('event:e1', 5)
                await store.putRecords([record])
                record.hash = 'changed'
                const read = (await store.getRecords(['event:e1'])).get('event:e1')
                if (read?.lastError) read.lastError.code = 'changed'

                const again = (await store.getRecords(['event:e1'])).get('event:e1')

                expect(again?.hash).toBe('hash-event:e1')
                expect(again?.lastError?.code).toBe('E1000')
            })

            it('offers for retry the failed records that are due, oldest first, ties by key', async () => {
                await store.putRecords([
                    failedRecord('event:late', 30),
                    failedRecord('event:b', 10, 100),
                    failedRecord('event:a', 10, 50),
                    failedRecord('event:not-yet', 5, 101),
                    failedRecord('event:first', 1),
                    syncedRecord('event:fine', { updatedAt: 0 }),
                    syncedRecord('event:gone', { status: 'deleted', updatedAt: 0 }),
                ])

                expect(keysOf(await store.dueRetries(100, 10))).toEqual([
                    'event:first',
                    'event:a',
                    'event:b',
                    'event:late',
                ])
                expect(keysOf(await store.dueRetries(100, 2))).toEqual(['event:first', 'event:a'])
                expect(keysOf(await store.dueRetries(101, 10))).toContain('event:not-yet')
            })

            it('drops a record from the retry queue once it is synced', async () => {
                await store.putRecords([failedRecord('event:e1', 1)])
                await store.putRecords([syncedRecord('event:e1', { updatedAt: 2 })])

                expect(await store.dueRetries(10, 10)).toEqual([])
                expect(await store.listFailed(0, 10)).toEqual([])
            })

            it('lists every failed record, due or not, page by page', async () => {
                const failed = Array.from({ length: 7 }, (_, i) =>
                    failedRecord(`event:${i}`, 100 - i, i % 2 ? 10_000 : undefined)
                )
                await store.putRecords([...failed, syncedRecord('event:ok', { updatedAt: 0 })])

                const pages = [
                    await store.listFailed(0, 3),
                    await store.listFailed(3, 3),
                    await store.listFailed(6, 3),
                    await store.listFailed(9, 3),
                ]

                expect(pages.map(keysOf)).toEqual([
                    ['event:6', 'event:5', 'event:4'],
                    ['event:3', 'event:2', 'event:1'],
                    ['event:0'],
                    [],
                ])
                expect(pages[0]?.[0]).toEqual(failed[6])
            })
        })

        describe('ledger rows', () => {
            it('finds rows by count key and by event, each event with its rows by count key', async () => {
                const a = ledgerRow('dose:c1:bcg:0', 'e1', cellOf('DS1'))
                const b = ledgerRow('reg:c1', 'e1', cellOf('DS2'))
                const c = ledgerRow('dose:c2:bcg:0', 'e2', cellOf('DS1'), 5)
                await store.applyLedgerChanges({ remove: [], put: [b, a, c] })

                expect(
                    await store.ledgerRowsForCountKeys(['reg:c1', 'dose:c2:bcg:0', 'x'])
                ).toEqual(
                    new Map([
                        ['reg:c1', b],
                        ['dose:c2:bcg:0', c],
                    ])
                )
                expect(await store.ledgerRowsForEvents(['e1', 'e2', 'e3', 'e1'])).toEqual(
                    new Map([
                        ['e1', [a, b]],
                        ['e2', [c]],
                    ])
                )
            })

            it('keeps one row per count key: putting it again moves it between events and cells', async () => {
                await store.applyLedgerChanges({
                    remove: [],
                    put: [ledgerRow('dose:c1:bcg:0', 'e1', cellOf('DS1', 'OU1'))],
                })
                const moved = ledgerRow('dose:c1:bcg:0', 'e9', cellOf('DS1', 'OU2'), 2)
                await store.applyLedgerChanges({ remove: [], put: [moved] })

                expect(await store.ledgerRowsForEvents(['e1', 'e9'])).toEqual(
                    new Map([['e9', [moved]]])
                )
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell: cellOf('DS1', 'OU2'), count: 1 },
                ])
            })

            it('counts a count key put twice in one change once, as the last one says', async () => {
                await store.applyLedgerChanges({
                    remove: [],
                    put: [
                        ledgerRow('reg:c1', 'e1', cellOf('DS1', 'OU1')),
                        ledgerRow('reg:c1', 'e2', cellOf('DS1', 'OU2')),
                    ],
                })

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell: cellOf('DS1', 'OU2'), count: 1 },
                ])
            })

            it('removes rows by count key before it puts, ignoring keys it does not hold', async () => {
                const cell = cellOf('DS1')
                await store.applyLedgerChanges({
                    remove: [],
                    put: [
                        ledgerRow('a', 'e1', cell),
                        ledgerRow('b', 'e1', cell),
                        ledgerRow('c', 'e2', cell),
                    ],
                })
                await store.applyLedgerChanges({
                    remove: ['a', 'b', 'never-there'],
                    put: [ledgerRow('b', 'e3', cell)],
                })

                expect([...(await store.ledgerRowsForCountKeys(['a', 'b', 'c'])).keys()]).toEqual([
                    'b',
                    'c',
                ])
                expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([{ cell, count: 2 }])
            })

            it('clears every row and cell before a rebuild', async () => {
                await store.applyLedgerChanges({
                    remove: [],
                    put: [ledgerRow('a', 'e1', cellOf('DS1'))],
                })
                await store.markPosted([{ cell: cellOf('DS1', 'OU9'), posted: 4 }])

                await store.clearLedger()

                expect(await store.ledgerRowsForCountKeys(['a'])).toEqual(new Map())
                expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
            })

            it('can keep what was posted through a rebuild, so a cell the rebuild leaves empty is zeroed', async () => {
                const [kept, emptied] = [cellOf('DS1', 'OU1'), cellOf('DS1', 'OU2')]
                await store.applyLedgerChanges({
                    remove: [],
                    put: [ledgerRow('a', 'e1', kept), ledgerRow('b', 'e2', emptied)],
                })
                await store.markPosted([
                    { cell: kept, posted: 1 },
                    { cell: emptied, posted: 1 },
                ])

                await store.clearLedger({ keepPosted: true })
                await store.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', kept)] })

                expect(await store.ledgerRowsForCountKeys(['b'])).toEqual(new Map())
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell: emptied, count: 0, posted: 1 },
                ])
            })
        })

        describe('dirty cells', () => {
            const put = (...rows: LedgerRow[]) =>
                store.applyLedgerChanges({ remove: [], put: rows })

            it('lists a counted, never-posted cell, and not one whose only row was removed', async () => {
                await put(
                    ledgerRow('a', 'e1', cellOf('DS1', 'OU1')),
                    ledgerRow('b', 'e2', cellOf('DS1', 'OU2'))
                )
                await store.applyLedgerChanges({ remove: ['b'], put: [] })

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell: cellOf('DS1', 'OU1'), count: 1 },
                ])
            })

            it('clears a cell once DHIS2 confirmed its count, and lists it again when it changes', async () => {
                const cell = cellOf('DS1')
                await put(ledgerRow('a', 'e1', cell), ledgerRow('b', 'e1', cell))
                await store.markPosted([{ cell, posted: 2 }])
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])

                await put(ledgerRow('c', 'e2', cell))

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell, count: 3, posted: 2 },
                ])
            })

            it('lists a posted cell that dropped to zero, so the zero gets posted', async () => {
                const cell = cellOf('DS1')
                await put(ledgerRow('a', 'e1', cell))
                await store.markPosted([{ cell, posted: 1 }])
                await store.applyLedgerChanges({ remove: ['a'], put: [] })

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell, count: 0, posted: 1 },
                ])

                await store.markPosted([{ cell, posted: 0 }])
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
            })

            it('keeps a value posted to a cell the ledger never counted dirty until it is zero', async () => {
                const cell = cellOf('DS1')
                await store.markPosted([
                    { cell, posted: 3 },
                    { cell: cellOf('DS1', 'OU2'), posted: 0 },
                ])

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([
                    { cell, count: 0, posted: 3 },
                ])
            })

            it('lists only the cells of the data set asked for, not of one whose id it prefixes', async () => {
                await put(
                    ledgerRow('a', 'e1', cellOf('DS1')),
                    ledgerRow('b', 'e1', cellOf('DS10')),
                    ledgerRow('c', 'e1', cellOf('DS')),
                    ledgerRow('d', 'e1', cellOf('DS2'))
                )

                expect((await store.dirtyCells('DS1', undefined, 10)).map((c) => c.cell)).toEqual([
                    cellOf('DS1'),
                ])
            })

            it('pages by cell string, starting after the cell given', async () => {
                const cells = ['OU3', 'OU1', 'OU5', 'OU2', 'OU4'].map((ou) => cellOf('DS1', ou))
                await put(...cells.map((cell, i) => ledgerRow(`k${i}`, `e${i}`, cell)))
                await store.markPosted([{ cell: cellOf('DS1', 'OU2'), posted: 1 }])

                const first = await store.dirtyCells('DS1', undefined, 2)
                const second = await store.dirtyCells('DS1', first[1]?.cell, 2)
                const fromBetween = await store.dirtyCells('DS1', `${cellOf('DS1', 'OU3')}~`, 5)

                expect(first.map((c) => c.cell)).toEqual([
                    cellOf('DS1', 'OU1'),
                    cellOf('DS1', 'OU3'),
                ])
                expect(second.map((c) => c.cell)).toEqual([
                    cellOf('DS1', 'OU4'),
                    cellOf('DS1', 'OU5'),
                ])
                expect(fromBetween.map((c) => c.cell)).toEqual(second.map((c) => c.cell))
            })

            it('pages through many cells, each listed once with its full count', async () => {
                const expected = new Map<string, number>()
                const rows: LedgerRow[] = []
                for (let i = 0; i < 1500; i++) {
                    const cell = cellOf(
                        'DS1',
                        `OU${i % 97}`,
                        `2024${String((i % 12) + 1).padStart(2, '0')}`
                    )
                    rows.push(ledgerRow(`dose:${i}`, `e${i}`, cell))
                    expected.set(cell, (expected.get(cell) ?? 0) + 1)
                }
                for (let i = 0; i < rows.length; i += 500)
                    await store.applyLedgerChanges({ remove: [], put: rows.slice(i, i + 500) })

                const listed = await allDirtyCells(store, 'DS1', 37)

                expect(listed.map((c) => c.cell)).toEqual([...expected.keys()].sort())
                expect(new Map(listed.map((c) => [c.cell, c.count]))).toEqual(expected)
            })
        })

        describe('atomicity and input', () => {
            it('writes no record of a batch that holds a malformed one', async () => {
                await store.putRecords([syncedRecord('client:c1', { hash: 'old' })])

                await expect(
                    store.putRecords([
                        syncedRecord('client:c1', { hash: 'new' }),
                        syncedRecord('client:c2'),
                        syncedRecord(''),
                    ])
                ).rejects.toThrow()

                const found = await store.getRecords(['client:c1', 'client:c2'])
                expect([...found.values()].map((r) => r.hash)).toEqual(['old'])
            })

            it('applies no part of a ledger change that holds a malformed row', async () => {
                const cell = cellOf('DS1')
                await store.applyLedgerChanges({ remove: [], put: [ledgerRow('a', 'e1', cell)] })

                await expect(
                    store.applyLedgerChanges({
                        remove: ['a'],
                        put: [
                            ledgerRow('b', 'e2', cellOf('DS1', 'OU2')),
                            ledgerRow('c', 'e3', 'DS1|OU3'),
                        ],
                    })
                ).rejects.toThrow()

                expect([...(await store.ledgerRowsForCountKeys(['a', 'b', 'c'])).keys()]).toEqual([
                    'a',
                ])
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([{ cell, count: 1 }])
            })

            it('posts no cell of a confirmation that holds a malformed one', async () => {
                await expect(
                    store.markPosted([
                        { cell: cellOf('DS1'), posted: 2 },
                        { cell: cellOf('DS1', 'OU2'), posted: 1.5 },
                    ])
                ).rejects.toThrow()

                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
            })

            it.each([
                [
                    'an unknown status',
                    syncedRecord('k', { status: 'lost' as SyncedRecord['status'] }),
                ],
                ['a fractional serverVersion', syncedRecord('k', { serverVersion: 1.5 })],
                ['negative attempts', syncedRecord('k', { attempts: -1 })],
                ['a time that is not a number', syncedRecord('k', { nextAttemptAt: NaN })],
            ])('rejects a record with %s', async (_, record) => {
                await expect(store.putRecords([record])).rejects.toThrow()
                expect(await store.getRecords(['k'])).toEqual(new Map())
            })

            it.each([
                ['an empty count key', ledgerRow('', 'e1', cellOf('DS1'))],
                ['an empty event key', ledgerRow('a', '', cellOf('DS1'))],
                ['a cell with an empty part', ledgerRow('a', 'e1', 'DS1||202401|DE1|COC1|AOC1')],
                ['a fractional serverVersion', ledgerRow('a', 'e1', cellOf('DS1'), 0.5)],
            ])('rejects a ledger row with %s', async (_, row) => {
                await expect(store.applyLedgerChanges({ remove: [], put: [row] })).rejects.toThrow()
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
            })
        })

        describe('meta, clear and close', () => {
            it('stores small JSON values by key, as JSON', async () => {
                const stamp = { runId: 'r1', at: new Date(0), parts: [1, 2], none: undefined }
                await store.putMeta('ledgerStamp', stamp)
                await store.putMeta('salt', 'abc')
                stamp.parts.push(3)

                expect(await store.getMeta('ledgerStamp')).toEqual({
                    runId: 'r1',
                    at: '1970-01-01T00:00:00.000Z',
                    parts: [1, 2],
                })
                expect(await store.getMeta('salt')).toBe('abc')
                expect(await store.getMeta('missing')).toBeUndefined()
            })

            it('replaces a meta value, and removes it when put as undefined', async () => {
                await store.putMeta('k', 1)
                await store.putMeta('k', { v: 2 })
                expect(await store.getMeta('k')).toEqual({ v: 2 })

                await store.putMeta('k', undefined)
                expect(await store.getMeta('k')).toBeUndefined()
            })

            it('forgets everything on clear', async () => {
                await store.putRecords([failedRecord('event:e1', 1)])
                await store.applyLedgerChanges({
                    remove: [],
                    put: [ledgerRow('a', 'e1', cellOf('DS1'))],
                })
                await store.putMeta('k', 1)

                await store.clear()

                expect(await store.getRecords(['event:e1'])).toEqual(new Map())
                expect(await store.listFailed(0, 10)).toEqual([])
                expect(await store.ledgerRowsForEvents(['e1'])).toEqual(new Map())
                expect(await store.dirtyCells('DS1', undefined, 10)).toEqual([])
                expect(await store.getMeta('k')).toBeUndefined()
            })

            it('refuses work once closed', async () => {
                await store.close()

                await expect(store.getRecords(['k'])).rejects.toThrow()
                await expect(store.putMeta('k', 1)).rejects.toThrow()
            })
        })
    })
}
