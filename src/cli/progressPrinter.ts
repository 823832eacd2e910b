/**
 * Progress on stderr (the summary goes to stdout, so `sync --json > out.json` stays clean): on a
 * terminal one line redrawn in place (`\r`) with a bar over the run's phases, the counts and the
 * time so far, refreshed every second even while DHIS2 works on one big import; otherwise plain
 * lines, one per phase and at most one every few seconds between (cron mail, journald, CI logs).
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

export interface ProgressStream {
    isTTY?: boolean
    columns?: number
    write(text: string): unknown
}

export interface ProgressPrinterOptions {
    /** The phases this run goes through, in order (the bar fills one step per phase). */
    phases?: readonly string[]
    now?: () => number
    /** Seconds between plain lines within one phase (not on a terminal). */
    plainIntervalMs?: number
    /** Redraws the terminal line this often while nothing reports (0: never). */
    tickMs?: number
}

export interface ProgressPrinter {
    update(progress: ProgressLine): void
    /** A message of its own line (waiting for a lock …), above the bar on a terminal. */
    note(text: string): void
    end(): void
}

const LABELS: Record<string, string> = {
    'syncing-clients': 'clients',
    'syncing-events': 'events',
    'posting-aggregates': 'aggregates',
    done: 'done',
    failed: 'failed',
    cancelled: 'cancelled',
}

const FINAL = new Set(['done', 'failed', 'cancelled'])

export const phaseLabel = (phase: string): string => LABELS[phase] ?? phase

/** `0:07`, `12:30`, `1:02:03`. */
export function formatElapsed(ms: number): string {
    const total = Math.max(0, Math.floor(ms / 1000))
    const s = String(total % 60).padStart(2, '0')
    const minutes = Math.floor(total / 60)
    if (minutes < 60) return `${minutes}:${s}`
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${s}`
}

export function formatCounts(p: ProgressLine): string {
    return `${p.pulled} read, ${p.written} written, ${p.unchanged} unchanged, ${p.skipped} skipped, ${p.failed} failed (${p.batches} batches)`
}

/** The plain line: `[0:14] events: 494 read, 118 written, … (6 batches)`. */
export function formatProgress(p: ProgressLine, elapsedMs = 0): string {
    return `[${formatElapsed(elapsedMs)}] ${phaseLabel(p.phase)}: ${formatCounts(p)}`
}

/** `[██████░░░░] events 2/3`: the phases done fill the bar; the last phase fills it. */
export function formatBar(phase: string, phases: readonly string[], width = 12): string {
    const index = phases.indexOf(phase)
    const done = FINAL.has(phase) ? phases.length : Math.max(0, index)
    const filled = Math.round((done / Math.max(1, phases.length)) * width)
    const step = FINAL.has(phase) ? '' : ` ${Math.max(1, index + 1)}/${phases.length}`
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${phaseLabel(phase)}${step}`
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

export function createProgressPrinter(
    stream: ProgressStream,
    options: ProgressPrinterOptions = {}
): ProgressPrinter {
    const now = options.now ?? Date.now
    const phases = options.phases ?? ['syncing-clients', 'syncing-events', 'posting-aggregates']
    const startedAt = now()
    let last: ProgressLine | undefined
    let lastPrinted = -Infinity
    let lastPhase = ''
    let drawn = false
    let tick = 0
    let timer: ReturnType<typeof setInterval> | undefined

    const draw = () => {
        if (!last) return
        const elapsed = formatElapsed(now() - startedAt)
        const spinner = FINAL.has(last.phase) ? ' ' : SPINNER[tick++ % SPINNER.length]
        const line = `${spinner} ${formatBar(last.phase, phases)} · ${formatCounts(last)} · ${elapsed}`
        // A pseudo-terminal without a size (script, ssh -T) says 0 columns.
        const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 120
        const width = Math.max(20, columns - 1)
        stream.write(`\r\u001b[2K${line.slice(0, width)}`)
        drawn = true
    }

    if (stream.isTTY && (options.tickMs ?? 1000) > 0) {
        timer = setInterval(draw, options.tickMs ?? 1000)
        // Node only: a pending redraw must not keep a finished run's process alive.
        if (typeof timer === 'object' && 'unref' in timer) timer.unref()
    }

    return {
        update(progress) {
            last = { ...progress }
            const t = now()
            const newPhase = progress.phase !== lastPhase
            if (stream.isTTY) {
                if (!newPhase && t - lastPrinted < 100) return
                draw()
            } else {
                if (!newPhase && t - lastPrinted < (options.plainIntervalMs ?? 5000)) return
                stream.write(`${formatProgress(progress, t - startedAt)}\n`)
            }
            lastPrinted = t
            lastPhase = progress.phase
        },
        note(text) {
            if (stream.isTTY && drawn) stream.write('\r\u001b[2K')
            stream.write(`${text}\n`)
            if (stream.isTTY && drawn) draw()
        },
        end() {
            if (timer !== undefined) clearInterval(timer)
            timer = undefined
            if (stream.isTTY && drawn) {
                draw()
                stream.write('\n')
            }
            drawn = false
        },
    }
}
