import type { Clock } from '../ports/clock'
import type { RunLockHandle } from './lock'

/** Waits before the second and third attempt: a DHIS2 blip is usually over within seconds. */
const RETRY_WAITS_MS = [2_000, 8_000]

/**
 * Releases a run's lock at the end of the run, trying again when DHIS2 does not answer: a lock
 * left behind by one failed request blocks its scope for every other run until it lapses (ten
 * minutes by default). Never throws; false when the lock could not be removed (it then lapses).
 */
export async function releaseLock(
    lock: RunLockHandle,
    clock: Clock,
    waitsMs: readonly number[] = RETRY_WAITS_MS
): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await lock.release()
        } catch {
            const wait = waitsMs[attempt]
            if (wait === undefined) return false
            await clock.sleep(wait).catch(() => undefined)
        }
    }
}
