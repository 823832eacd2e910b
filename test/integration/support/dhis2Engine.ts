import type { Dhis2Sandbox } from '../../../sandbox/dhis2'
import { createNodeEngine } from '../../../src/adapters/dhis2/engine'

/** The data engine as the CLI makes it: admin over Basic, or the operator's personal access token. */
export function engineFor(dhis2: Dhis2Sandbox, who: 'admin' | 'operator' = 'admin') {
    return createNodeEngine({
        baseUrl: dhis2.url,
        auth:
            who === 'admin'
                ? { type: 'basic', username: 'admin', password: 'district' }
                : { type: 'token', token: dhis2.operatorToken },
    })
}
