import { DEFAULT_RETRY, type RetryPolicy } from '../../adapters/opensrp/connection'
import { OpenSrpError } from '../../adapters/opensrp/errors'
import type { OpenSrpTransport } from '../../adapters/opensrp/transport'
import type { Clock } from '../../core/ports/clock'

/**
 * Retries temporary OpenSRP failures (network, 5xx, 429, timeouts: the adapter's own classes) with
 * exponential backoff and full jitter, as the adapter's axios transport does, for the transport
 * that goes through the data engine.
 */
export function retryingTransport(
    transport: OpenSrpTransport,
    clock: Pick<Clock, 'sleep'>,
    policy: RetryPolicy = DEFAULT_RETRY,
    random: () => number = Math.random
): OpenSrpTransport {
    return {
        async request(spec) {
            for (let attempt = 1; ; attempt++) {
                try {
                    return await transport.request(spec)
                } catch (error) {
                    if (!(error instanceof OpenSrpError) || !error.temporary) throw error
                    if (attempt >= policy.maxAttempts || spec.signal?.aborted) throw error
                    const ceiling = Math.min(
                        policy.maxDelayMs,
                        policy.baseDelayMs * 2 ** (attempt - 1)
                    )
                    await clock.sleep(Math.round(random() * ceiling), spec.signal)
                }
            }
        },
    }
}
