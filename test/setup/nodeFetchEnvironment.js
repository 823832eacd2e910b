/* global fetch, Headers, Request, Response, FormData, Blob, AbortSignal */
// Jest 27's node environment copies only some of Node's globals into the test's context, and
// not `fetch`, which the DHIS2 data engine calls. Tests that talk HTTP through it declare
// `@jest-environment ./test/setup/nodeFetchEnvironment.js`.
const NodeEnvironment = require('jest-environment-node')

class NodeFetchEnvironment extends NodeEnvironment {
    constructor(config, context) {
        super(config, context)
        Object.assign(this.global, { fetch, Headers, Request, Response, FormData, Blob })
        for (const name of ['any', 'timeout']) {
            if (typeof this.global.AbortSignal[name] !== 'function') {
                this.global.AbortSignal[name] = AbortSignal[name]
            }
        }
    }
}

module.exports = NodeFetchEnvironment
