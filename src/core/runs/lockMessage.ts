import type { HeldRunLock } from './lockRecord'

/**
 * The sentence shown to the run that has to wait (UI and CLI alike): who, since when, whether the
 * holder still looks alive, and what to do.
 */

export interface DescribeHeldLockOptions {
    /** Time zone of the times shown; UTC unless given (the UI passes the user's). */
    timeZone?: string
}

function clockTime(epochMs: number, now: number, timeZone: string): string {
    const parts = (ms: number) =>
        new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
        }).formatToParts(new Date(ms))
    const pick = (all: Intl.DateTimeFormatPart[], type: string) =>
        all.find((p) => p.type === type)?.value ?? ''
    const at = parts(epochMs)
    const today = parts(now)
    const time = `${pick(at, 'hour')}:${pick(at, 'minute')}`
    const date = `${pick(at, 'year')}-${pick(at, 'month')}-${pick(at, 'day')}`
    const sameDay = date === `${pick(today, 'year')}-${pick(today, 'month')}-${pick(today, 'day')}`
    return sameDay ? time : `${date} ${time}`
}

/** `30 s`, `4 min`, `2 h 5 min`, `3 days`. */
export function describeDuration(ms: number): string {
    const seconds = Math.max(0, Math.round(ms / 1000))
    if (seconds < 60) return `${seconds} s`
    const minutes = Math.floor(seconds / 60)
    if (minutes < 60) return `${minutes} min`
    const hours = Math.floor(minutes / 60)
    if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
    return `${Math.floor(hours / 24)} days`
}

export function describeHeldLock(
    held: HeldRunLock,
    now: number,
    { timeZone = 'UTC' }: DescribeHeldLockOptions = {}
): string {
    const who = `A ${held.trigger} run by ${held.user}${held.host ? ` on ${held.host}` : ''}`
    const since = clockTime(Date.parse(held.since), now, timeZone)
    const expires = clockTime(Date.parse(held.expiresAt), now, timeZone)
    const heartbeatAge = now - Date.parse(held.heartbeatAt)
    const heartbeat =
        heartbeatAge < 1000
            ? 'last heartbeat just now'
            : `last heartbeat ${describeDuration(heartbeatAge)} ago`
    if (Date.parse(held.expiresAt) <= now) {
        return `${who} held this scope since ${since}, but its lock expired at ${expires} (${heartbeat}); it seems to have stopped, and a new run will take the lock over.`
    }
    return `${who} has held this scope since ${since} (${heartbeat}, run ${held.runId}). Wait for it to finish and try again. If that run stopped without releasing the lock, the lock expires at ${expires} and a new run can start then.`
}
