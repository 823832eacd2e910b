/**
 * @jest-environment node
 */
import { createDataModel } from './index'
import { ADMIN, body, buildRequest, call } from './testing/request'

describe('file resources (FileResourceController, 2.41)', () => {
    it('stores an upload under the UID asked for, unassigned, and serves it', async () => {
        const model = createDataModel({ minor: 41 })
        const boundary = 'XyZ123'
        const multipart = [
            `--${boundary}`,
            'Content-Disposition: form-data; name="file"; filename="test.pdf"',
            'Content-Type: application/pdf',
            '',
            'abc',
            `--${boundary}--`,
            '',
        ].join('\r\n')
        const post = buildRequest(41, 'POST', 'fileResources', {
            user: ADMIN,
            query: { domain: 'DOCUMENT', uid: 'Jzf6hHNP7jx' },
        })
        post.rawBody = Buffer.from(multipart)
        post.contentType = `multipart/form-data; boundary=${boundary}`
        const created = await call(model, post)
        expect(created.status).toBe(202)
        expect(body(created).response).toMatchObject({
            responseType: 'FileResource',
            fileResource: { id: 'Jzf6hHNP7jx', name: 'test.pdf', domain: 'DOCUMENT' },
        })
        const read = await call(
            model,
            buildRequest(41, 'GET', 'fileResources/Jzf6hHNP7jx', { user: ADMIN })
        )
        expect(body(read)).toMatchObject({ contentType: 'application/pdf', assigned: false })
        const missing = await call(
            model,
            buildRequest(41, 'GET', 'fileResources/Nope0000000', { user: ADMIN })
        )
        expect(missing.status).toBe(404)
    })
})
