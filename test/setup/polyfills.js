// Jest 27's environments lack pieces that Dexie, fake-indexeddb and the data engine expect.
const v8 = require('v8')
const util = require('util')

if (typeof globalThis.structuredClone !== 'function') {
    globalThis.structuredClone = (value) => v8.deserialize(v8.serialize(value))
}
if (typeof globalThis.DOMException !== 'function') {
    try {
        require('buffer').atob('*')
    } catch (error) {
        globalThis.DOMException = error.constructor
    }
}
if (typeof globalThis.TextEncoder !== 'function') {
    globalThis.TextEncoder = util.TextEncoder
    globalThis.TextDecoder = util.TextDecoder
}
