interface MaybeFetchError {
    message?: string
    details?: unknown
}

/** The HTTP status in a data engine error's details (DHIS2 WebMessages carry `httpStatusCode`). */
export function httpStatusOf(error: MaybeFetchError | undefined): number | undefined {
    const details = error?.details
    if (typeof details !== 'object' || details === null) return undefined
    const status: unknown = Reflect.get(details, 'httpStatusCode')
    return typeof status === 'number' ? status : undefined
}

/** DHIS2 answers 404 for a namespace without keys and for a missing key (reference §3.5). */
export const isNotFound = (error: MaybeFetchError | undefined): boolean =>
    httpStatusOf(error) === 404
