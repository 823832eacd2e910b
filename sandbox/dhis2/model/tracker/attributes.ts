import { asString, refId } from '../json'
import { valueTypeError } from '../valueTypes'
import { isFileValueType } from '../fileResources'
import { AttributeInput, TrackerType } from './payload'
import { TrackerValidation } from './validation'

/**
 * Checks attribute values of a tracked entity or enrollment: existence (E1006), value type
 * (E1007), option set (E1125) and uniqueness across all tracked entities (E1064).
 */
export function validateAttributeValues(
    v: TrackerValidation,
    trackerType: TrackerType,
    uid: string,
    trackedEntity: string | undefined,
    orgUnit: string | undefined,
    attributes: AttributeInput[]
): void {
    for (const input of attributes) {
        const attributeId = input.attribute ?? 'null'
        const attribute = v.ctx.store.get('trackedEntityAttributes', input.attribute)
        if (!attribute) {
            v.add('E1006', trackerType, uid, [attributeId])
            continue
        }
        if (input.value === null) continue
        // AttributeValidator.validateAttributeValue: longer than Constant.MAX_ATTR_VALUE_LENGTH.
        if (input.value.length > MAX_ATTR_VALUE_LENGTH)
            v.add('E1077', trackerType, uid, [input.value, String(MAX_ATTR_VALUE_LENGTH)])
        const valueType = asString(attribute.valueType) ?? 'TEXT'
        const error =
            valueTypeError(valueType, input.value) ?? missingReference(v, valueType, input.value)
        if (error) {
            v.add('E1007', trackerType, uid, [valueType, error])
            continue
        }
        if (isFileValueType(valueType) && fileTaken(v, trackerType, uid, input.value))
            v.add('E1009', trackerType, uid, [input.value])
        const optionSet = refId(attribute.optionSet)
        const codes = optionSet ? v.ctx.store.optionCodes(optionSet) : undefined
        const values = valueType === 'MULTI_TEXT' ? input.value.split(',') : [input.value]
        if (codes && values.some((value) => !codes.includes(value))) {
            v.add(
                'E1125',
                trackerType,
                uid,
                v.optionArgs(input.value, 'TrackedEntityAttribute', attributeId, optionSet ?? '')
            )
            continue
        }
        if (
            attribute.unique === true &&
            isTaken(
                v,
                attributeId,
                input.value,
                trackedEntity,
                attribute.orgunitScope === true ? orgUnit : undefined
            )
        ) {
            v.add('E1064', trackerType, uid, [input.value, attributeId])
        }
    }
}

const MAX_ATTR_VALUE_LENGTH = 1200

/**
 * `ValidationUtils.validateFileNotAlreadyAssigned`: on create a file resource already assigned is
 * taken; on update one owned by another object is.
 */
function fileTaken(v: TrackerValidation, type: TrackerType, uid: string, value: string): boolean {
    const fr = v.ctx.state.fileResources?.[value]
    if (!fr) return false
    const action = v.actionOf(type, uid)
    if (action === 'CREATE') return fr.assigned
    return action === 'UPDATE' && fr.owner !== undefined && fr.owner !== uid
}

/**
 * `ValidationUtils.validateValueType`: a file or image value must name a stored file resource
 * (the sandbox stores none) and an org unit value an existing org unit, else E1007.
 */
function missingReference(
    v: TrackerValidation,
    valueType: string,
    value: string
): string | undefined {
    if (
        (valueType === 'FILE_RESOURCE' || valueType === 'IMAGE') &&
        !v.ctx.state.fileResources?.[value]
    )
        return `File resource \`${value}\` could not be found.`
    if (valueType === 'ORGANISATION_UNIT' && !v.ctx.store.get('organisationUnits', value))
        return `Organisation unit \`${value}\` could not be found.`
    return undefined
}

function isTaken(
    v: TrackerValidation,
    attribute: string,
    value: string,
    owner: string | undefined,
    orgUnit: string | undefined
): boolean {
    const stored = v.index
        .holders(attribute, value)
        .some(
            (te) => te.trackedEntity !== owner && (orgUnit === undefined || te.orgUnit === orgUnit)
        )
    if (stored) return true
    // `UniqueAttributesSupplier.getDuplicatedUniqueValuesInPayload`: a value that two or more
    // tracked entities of the payload claim (through their own or their enrollments' attributes)
    // is taken for every one of them, the first included.
    const orgUnitOf = (te: string | undefined): string | undefined =>
        v.index.payloadTrackedEntity(te)?.orgUnit ??
        (te ? v.ctx.state.trackedEntities[te]?.orgUnit : undefined)
    const owners = v.index.claimants(attribute, value)
    if (owners.size < 2) return false
    return [...owners].some(
        (other) => other !== owner && (orgUnit === undefined || orgUnitOf(other) === orgUnit)
    )
}
