/**
 * Where a setting sits, written the way an admin reads a JSON export:
 * `mappings.tracker.programs[0].program`, `mappings.orgUnits.explicit["loc 1"]`.
 */
export type PathSegment = string | number

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export function configPath(segments: readonly PathSegment[]): string {
    let path = ''
    for (const segment of segments) {
        if (typeof segment === 'number') path += `[${segment}]`
        else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`
        else path += `[${JSON.stringify(segment)}]`
    }
    return path
}

/** A problem with a stored or edited configuration, at a path an admin can find. */
export interface ConfigIssue {
    path: string
    message: string
}

export const describeIssue = (issue: ConfigIssue) =>
    issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`
