import i18n from '@dhis2/d2-i18n'
import { explain } from './explain'
import '../../locales'

describe('explain', () => {
    afterEach(async () => {
        await i18n.changeLanguage('en')
    })

    it("gives the core's English words for a known code", () => {
        expect(explain('E1030')).toEqual({
            title: 'This vaccination already exists in DHIS2.',
            action: 'Nothing to fix here: the next import run sends it again.',
        })
    })

    it('speaks Bangla to a Bangla user, colons and all', async () => {
        i18n.setDefaultNamespace('default')
        await i18n.changeLanguage('bn')
        expect(explain('E1030')).toEqual({
            title: 'এই টিকাটি ইতিমধ্যে DHIS2-তে আছে।',
            action: 'এখানে কিছু ঠিক করার নেই: পরের আমদানিতে এটি আবার পাঠানো হবে।',
        })
    })

    it('still says what to do for a code it does not know', () => {
        expect(explain('E9999').title).toBe('DHIS2 or the connector reported a problem (E9999).')
    })
})
