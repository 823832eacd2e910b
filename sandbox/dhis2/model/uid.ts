import { randomInt } from 'crypto'

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ALPHANUMERIC = `${LETTERS}0123456789`

/** DHIS2 UID format (§ server-wide facts): a letter, then 10 letters or digits. */
export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/

export function isUid(value: string): boolean {
    return UID_PATTERN.test(value)
}

export function generateUid(): string {
    let uid = LETTERS.charAt(randomInt(LETTERS.length))
    for (let i = 0; i < 10; i++) uid += ALPHANUMERIC.charAt(randomInt(ALPHANUMERIC.length))
    return uid
}
