/**
 * @jest-environment node
 */
import { applyFields, parseFields } from './fields'

const identity = (_: string, item: Record<string, unknown>) => item

describe('fields transformers', () => {
    // SizeFieldTransformer: a collection's size, a text's length; the field keeps its name.
    it('answers children::size (and ~size) with the number of children', () => {
        const unit = { id: 'A', children: [{ id: 'B' }, { id: 'C' }], name: 'Dhaka' }
        expect(applyFields(unit, parseFields('id,children::size,name~size'), identity)).toEqual({
            id: 'A',
            children: 2,
            name: 5,
        })
    })

    it('sizes nested collections, as the org unit tree asks for them', () => {
        const unit = {
            children: [
                { id: 'B', children: [] },
                { id: 'C', children: [{ id: 'D' }] },
            ],
        }
        expect(applyFields(unit, parseFields('children[id,children::size]'), identity)).toEqual({
            children: [
                { id: 'B', children: 0 },
                { id: 'C', children: 1 },
            ],
        })
    })
})
