import type { Clock } from '../../../src/core/ports/clock'

/**
 * The system clock, with waits cut short (polls of DHIS2's async jobs, OpenSRP retry backoff) so
 * a run of tens of children takes a second: a wait takes a few milliseconds, yet moves the clock
 * on by all it asked for, so deadlines measured with `now` (a job's grace period, its longest
 * wait) pass as they would. `advance` moves time on without waiting (the retry queue's backoff,
 * an expired run lock).
 */
export interface TestClock extends Clock {
    advance(ms: number): void
}

export function quickClock(maxSleepMs = 10): TestClock {
    let offset = 0
    return {
        now: () => Date.now() + offset,
        sleep: (ms, signal) =>
            new Promise<void>((resolve, reject) => {
                if (signal?.aborted) return reject(signal.reason)
                const timer = setTimeout(
                    () => {
                        offset += Math.max(0, ms - maxSleepMs)
                        resolve()
                    },
                    Math.min(ms, maxSleepMs)
                )
                signal?.addEventListener(
                    'abort',
                    () => {
                        clearTimeout(timer)
                        reject(signal.reason)
                    },
                    { once: true }
                )
            }),
        advance(ms) {
            offset += ms
        },
    }
}

/** For the OpenSRP transport: its retry waits, cut short. */
export const quickSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    quickClock().sleep(ms, signal)
