/**
 * i18next HTML-escapes interpolated values by default (`/` → `&#x2F;`), and React escapes text
 * again: values would show as entities. React's escaping is enough, so values go in as they are.
 * A call (not a spread) keeps the string extractor able to read the i18n.t options.
 * Message ids must not contain ':' either: the extractor takes it as a namespace separator.
 */
export const plain = <T extends object>(values: T) => ({
    ...values,
    interpolation: { escapeValue: false },
})
