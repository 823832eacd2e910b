/**
 * dhis2-core `tracker/imports/validation/RelationshipSecurityImportValidationTest` (2.41) over the
 * Web API. Java's `manager.update` of a program's or relationship type's sharing is a metadata
 * update of that object (`POST /api/metadata?importStrategy=UPDATE`) with the changed sharing.
 */
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import type { CaseGroup, CoreCase } from '../case'
import { CaseFailure } from '../case'
import {
    asArray,
    asObject,
    assertHasOnlyErrors,
    assertNoErrors,
    readIntegrationFixture,
    request,
    trackerCase,
} from './support'
import type { JsonObject } from './support'
import { importFileAs } from './validationTrackedEntity'

const METADATA = 'tracker/tracker_basic_metadata.json'
const USER_11 = 'xkMgMi7Ci2D'
const USER_12 = 'jiFUk9o7gH3'

/** A sharing change: drop the user from the object's user accesses, or set its access string. */
type SharingChange = {
    collection: 'programs' | 'relationshipTypes'
    id: string
    user: string
    access?: string
}

async function changeSharing(s: Dhis2Sandbox, dir: string, change: SharingChange): Promise<void> {
    const metadata = readIntegrationFixture(dir, METADATA)
    const object = asArray(metadata[change.collection]).find((o) => o.id === change.id)
    if (!object) throw new CaseFailure(`${change.id} not in ${METADATA}`)
    const sharing = asObject(object.sharing)
    const users: JsonObject = { ...asObject(sharing.users) }
    if (change.access === undefined) delete users[change.user]
    else users[change.user] = { ...asObject(users[change.user]), access: change.access }
    const updated = { ...object, sharing: { ...sharing, users } }
    const response = await request(s, 'POST', 'metadata?importStrategy=UPDATE', {
        [change.collection]: [updated],
    })
    if (response.httpStatus !== 200)
        throw new CaseFailure(`sharing update of ${change.id}: HTTP ${response.httpStatus}`)
}

export function relationshipSecurityCases(): CaseGroup {
    const name = (method: string) => `RelationshipSecurityImportValidationTest.${method}`
    // initTest: the metadata, then te_relationship.json without errors.
    const test = (
        method: string,
        body: (s: Dhis2Sandbox, dir: string) => Promise<void>
    ): CoreCase =>
        trackerCase(name(method), METADATA, async (s, dir) => {
            assertNoErrors(await importFileAs(s, dir, 'te_relationship.json'), 'setup')
            await body(s, dir)
        })
    const siblings = { file: 'relationship_siblings.json', user: USER_11, type: 'xLmPUYJX8Ks' }
    const parentChild = {
        file: 'relationship_parent_child.json',
        user: USER_12,
        type: 'TV9oB9LT3sh',
    }
    type Scenario = typeof siblings
    const noType = (sc: Scenario): SharingChange => ({
        collection: 'relationshipTypes',
        id: sc.type,
        user: sc.user,
    })
    const readOnly = (sc: Scenario, program: string): SharingChange => ({
        collection: 'programs',
        id: program,
        user: sc.user,
        access: 'r-r-----',
    })
    const noProgram = (sc: Scenario, program: string): SharingChange => ({
        collection: 'programs',
        id: program,
        user: sc.user,
    })
    /** Create as the user after `change` (if any): no errors, or E4020 only. */
    const create = (method: string, sc: Scenario, change?: SharingChange) =>
        test(method, async (s, dir) => {
            if (change) await changeSharing(s, dir, change)
            const report = await importFileAs(s, dir, sc.file, {}, sc.user)
            if (change) assertHasOnlyErrors(report, 'E4020')
            else assertNoErrors(report)
        })
    /** Create as the user, then `change`, then delete: `fails` → E4020 only, else no errors. */
    const remove = (
        method: string,
        sc: Scenario,
        change: SharingChange | undefined,
        fails: boolean
    ) =>
        test(method, async (s, dir) => {
            assertNoErrors(await importFileAs(s, dir, sc.file, {}, sc.user), 'create')
            if (change) await changeSharing(s, dir, change)
            const report = await importFileAs(
                s,
                dir,
                sc.file,
                { importStrategy: 'DELETE' },
                sc.user
            )
            if (fails) assertHasOnlyErrors(report, 'E4020')
            else assertNoErrors(report, 'delete')
        })
    const bi = 'BidirectionalRelationship'
    return {
        cases: [
            create(
                `shouldCreateWhenUserHasAccessToRelationshipTypeAndWriteAccessTo${bi}`,
                siblings
            ),
            create(
                `shouldFailToCreateWhenUserHasNoAccessToRelationshipTypeAndWriteAccessTo${bi}`,
                siblings,
                noType(siblings)
            ),
            create(
                `shouldFailToCreateWhenUserHasAccessToRelationshipTypeAndNoWriteAccessTo${bi}From`,
                siblings,
                readOnly(siblings, 'E8o1E9tAppy')
            ),
            create(
                `shouldFailToCreateWhenUserHasAccessToRelationshipTypeAndNoWriteAccessToBidirectional${bi}To`,
                siblings,
                readOnly(siblings, 'YYY1E9tAbbW')
            ),
            remove(
                `shouldDeleteWhenUserHasAccessToRelationshipTypeAndWriteAccessTo${bi}`,
                siblings,
                undefined,
                false
            ),
            remove(
                `shouldFailToDeleteWhenUserHasNoAccessToRelationshipTypeAndWriteAccessTo${bi}`,
                siblings,
                noType(siblings),
                true
            ),
            remove(
                `shouldFailToDeleteWhenUserHasAccessToRelationshipTypeAndNoWriteAccessTo${bi}From`,
                siblings,
                readOnly(siblings, 'E8o1E9tAppy'),
                true
            ),
            remove(
                `shouldFailToDeleteWhenUserHasAccessToRelationshipTypeAndNoWriteAccessTo${bi}To`,
                siblings,
                readOnly(siblings, 'YYY1E9tAbbW'),
                true
            ),
            create(
                'shouldCreateWhenUserHasAccessToRelationshipTypeAndWriteAccessToRelationship',
                parentChild
            ),
            create(
                'shouldFailToCreateWhenUserHasNoAccessToRelationshipTypeAndWriteAccessToRelationship',
                parentChild,
                noType(parentChild)
            ),
            create(
                'shouldFailToCreateWhenUserHasAccessToRelationshipTypeAndNoWriteAccessToRelationshipFrom',
                parentChild,
                readOnly(parentChild, 'E8o1E9tAppy')
            ),
            create(
                'shouldFailToCreateWhenUserHasAccessToRelationshipTypeAndNoWriteAccessToRelationshipTo',
                parentChild,
                noProgram(parentChild, 'YYY1E9tAbbW')
            ),
            remove(
                'shouldDeleteWhenUserHasAccessToRelationshipTypeAndWriteAccessToRelationship',
                parentChild,
                noProgram(parentChild, 'YYY1E9tAbbW'),
                false
            ),
            remove(
                'shouldFailToDeleteWhenUserHasNoAccessToRelationshipTypeAndWriteAccessToRelationship',
                parentChild,
                noType(parentChild),
                true
            ),
            remove(
                'shouldFailToDeleteWhenUserHasAccessToRelationshipTypeAndNoWriteAccessToRelationshipFrom',
                parentChild,
                readOnly(parentChild, 'E8o1E9tAppy'),
                true
            ),
        ],
        notExpressible: [],
    }
}
