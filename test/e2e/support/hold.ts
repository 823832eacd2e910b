import type { Page, Route } from 'playwright-core'

export interface HeldRequest {
    /** Resolves when the request is held: the app is waiting for its answer. */
    held: Promise<void>
    /** Lets the request go on to the server and stops holding. */
    release(): Promise<void>
}

/**
 * Holds the nth request matching `pattern` until released, so a screenshot can catch the app in
 * the middle of something (a run's progress) without racing it or slowing the servers down.
 */
export async function holdNthRequest(page: Page, pattern: RegExp, n: number): Promise<HeldRequest> {
    let seen = 0
    let markHeld: () => void = () => undefined
    const held = new Promise<void>((resolve) => (markHeld = resolve))
    let letGo: () => void = () => undefined
    const released = new Promise<void>((resolve) => (letGo = resolve))
    let markGone: () => void = () => undefined
    const gone = new Promise<void>((resolve) => (markGone = resolve))
    const handler = async (route: Route) => {
        seen += 1
        if (seen !== n) return route.continue()
        markHeld()
        await released
        await route.continue()
        markGone()
    }
    await page.route(pattern, handler)
    return {
        held,
        release: async () => {
            letGo()
            // Unrouting while the handler still holds the request would let it go twice.
            await gone
            await page.unroute(pattern, handler)
        },
    }
}
