/** @jest-environment node */
import {
    createProgressPrinter,
    formatBar,
    formatElapsed,
    formatProgress,
    type ProgressLine,
} from './progressPrinter'

const counts = (phase: string, pulled = 0): ProgressLine => ({
    phase,
    pulled,
    written: 3,
    unchanged: 2,
    skipped: 1,
    failed: 0,
    batches: 4,
})

function recorder(isTTY: boolean) {
    const chunks: string[] = []
    return { chunks, stream: { isTTY, columns: 200, write: (t: string) => chunks.push(t) } }
}

describe('the progress printer', () => {
    it('shows elapsed time as m:ss, then h:mm:ss', () => {
        expect(formatElapsed(7_400)).toBe('0:07')
        expect(formatElapsed(750_000)).toBe('12:30')
        expect(formatElapsed(3_723_000)).toBe('1:02:03')
    })

    it('fills the bar one step per finished phase, and fully at the end', () => {
        const phases = ['syncing-clients', 'syncing-events', 'posting-aggregates']
        expect(formatBar('syncing-clients', phases, 6)).toBe('[░░░░░░] clients 1/3')
        expect(formatBar('syncing-events', phases, 6)).toBe('[██░░░░] events 2/3')
        expect(formatBar('done', phases, 6)).toBe('[██████] done')
    })

    it('redraws one terminal line in place with the phase, the counts and the time so far', () => {
        let t = 0
        const { chunks, stream } = recorder(true)
        const printer = createProgressPrinter(stream, { now: () => t, tickMs: 0 })
        printer.update(counts('syncing-clients', 10))
        t = 14_000
        printer.update(counts('syncing-events', 60))
        printer.end()
        const redraws = chunks.filter((c) => c.startsWith('\r\u001b[2K'))
        expect(redraws.length).toBeGreaterThanOrEqual(2)
        expect(redraws[1]).toContain('events 2/3')
        expect(redraws[1]).toContain('60 read, 3 written, 2 unchanged, 1 skipped, 0 failed')
        expect(redraws[1]).toContain('0:14')
        expect(chunks.at(-1)).toBe('\n')
    })

    it('draws at most ten times a second on a terminal, phase changes always', () => {
        let t = 0
        const { chunks, stream } = recorder(true)
        const printer = createProgressPrinter(stream, { now: () => t, tickMs: 0 })
        for (let i = 0; i < 50; i++) {
            t += 10
            printer.update(counts('syncing-events', i))
        }
        printer.update(counts('posting-aggregates', 50))
        expect(chunks.length).toBeLessThanOrEqual(7)
        expect(chunks.at(-1)).toContain('aggregates 3/3')
    })

    it('writes plain lines without carriage returns when stderr is not a terminal: each phase, then every few seconds', () => {
        let t = 0
        const { chunks, stream } = recorder(false)
        const printer = createProgressPrinter(stream, { now: () => t, plainIntervalMs: 5000 })
        printer.update(counts('syncing-clients', 1))
        for (let i = 0; i < 10; i++) {
            t += 1000
            printer.update(counts('syncing-clients', 2 + i))
        }
        printer.update(counts('done', 20))
        printer.end()
        expect(chunks.join('')).not.toContain('\r')
        expect(chunks).toEqual([
            formatProgress(counts('syncing-clients', 1), 0) + '\n',
            formatProgress(counts('syncing-clients', 6), 5000) + '\n',
            formatProgress(counts('syncing-clients', 11), 10000) + '\n',
            formatProgress(counts('done', 20), 10000) + '\n',
        ])
    })

    it('puts a note on its own line above the bar', () => {
        const { chunks, stream } = recorder(true)
        const printer = createProgressPrinter(stream, { now: () => 0, tickMs: 0 })
        printer.update(counts('syncing-events'))
        printer.note('Waiting for the lock…')
        expect(chunks.slice(1, 3)).toEqual(['\r\u001b[2K', 'Waiting for the lock…\n'])
        expect(chunks[3]).toContain('events 2/3')
    })
})
