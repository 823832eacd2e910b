import { stableHash } from '../hash'

/**
 * A short, stable fingerprint of settings and mappings, stored in each run report so a reviewer can
 * tell whether two runs used the same configuration. Equal values give equal fingerprints whatever
 * the order of object members; array order counts (rule order matters in mappings).
 * 64 bits of stableHash (16 hex digits): plenty to tell configurations apart, short to show.
 */
export function fingerprint(value: unknown): string {
    return stableHash(value).slice(0, 16)
}
