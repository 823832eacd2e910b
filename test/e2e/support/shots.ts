import { mkdirSync } from 'fs'
import path from 'path'
import type { Frame, Locator, Page } from 'playwright-core'

/** The app shows a CircularLoader while it reads; a screenshot waits until none is left. */
export async function settled(frame: Frame): Promise<void> {
    await frame.waitForFunction(
        () => document.querySelectorAll('[data-test="dhis2-uicore-circularloader"]').length === 0
    )
}

/**
 * Screenshots of the page as the user sees it (the viewport, 1280×800), numbered in journey
 * order. `focus` is scrolled to the top first, so the shot shows what the step is about.
 */
export class Shots {
    private count = 0
    readonly taken: string[] = []

    constructor(
        private readonly dir: string,
        private readonly page: Page
    ) {
        mkdirSync(dir, { recursive: true })
    }

    async take(name: string, frame: Frame, focus?: Locator): Promise<string> {
        await settled(frame)
        // The pointer rests on what was clicked last; its hover state would show in the shot.
        await this.page.mouse.move(0, 0)
        if (focus) await focus.evaluate((element) => element.scrollIntoView({ block: 'start' }))
        this.count += 1
        const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.png`)
        await this.page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
        this.taken.push(file)
        return file
    }
}
