import { explainCode, explainedCodes } from '../../core/summary/explain'
import { explanationTexts } from './explanationTexts'

describe('the explanations offered for translation', () => {
    it('hold every title and action the core explains (regenerate explanationTexts.ts if not)', () => {
        const listed = new Set(explanationTexts())
        const missing = explainedCodes()
            .flatMap((code) => {
                const { title, action } = explainCode(code)
                return [title, action]
            })
            .filter((text) => !listed.has(text))
        expect([...new Set(missing)]).toEqual([])
    })
})
