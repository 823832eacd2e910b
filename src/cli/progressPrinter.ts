/**
 * Progress on stderr (the summary goes to stdout): a one-line bar redrawn in place on a terminal,
 * plain lines at most every few seconds otherwise (cron mails, CI logs).
 */
export interface ProgressLine {
    phase: string
    pulled: number
    written: number
    unchanged: number
    skipped: number
    failed: number
    batches: number
}

const PHASES: Record<string, string> = {
    'syncing-clients': 'clients',
    'syncing-events': 'events',
    'posting-aggregates': 'aggregates',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
}

export function formatProgress(p: ProgressLine): string {
    return `${PHASES[p.phase] ?? p.phase}: ${p.pulled} read, ${p.written} written, ${p.unchanged} unchanged, ${p.skipped} skipped, ${p.failed} failed (${p.batches} batches)`
}

export function createProgressPrinter(
    stream: { isTTY?: boolean; write(text: string): unknown; columns?: number },
    now: () => number = Date.now
): { update(p: ProgressLine): void; end(): void } {
    let last = 0
    let lastPhase = ''
    let drawn = false
    const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
    let tick = 0
    return {
        update(p) {
            const t = now()
            if (stream.isTTY) {
                if (t - last < 100 && p.phase === lastPhase) return
                const width = Math.max(20, (stream.columns ?? 100) - 4)
                const bar = `${spinner[tick++ % spinner.length]} ${formatProgress(p)}`.slice(
                    0,
                    width
                )
                stream.write(`\r\u001b[2K${bar}`)
                drawn = true
            } else {
                if (t - last < 2000 && p.phase === lastPhase) return
                stream.write(`${formatProgress(p)}\n`)
            }
            last = t
            lastPhase = p.phase
        },
        end() {
            if (drawn) stream.write('\n')
        },
    }
}
