import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { TrackerError } from './messages'
import { TrackerBundle, TrackerType } from './payload'
import { TrackerIndex } from './trackerIndex'

export type TrackerStrategy = 'CREATE_AND_UPDATE' | 'CREATE' | 'UPDATE' | 'DELETE'
export type TrackerAction = 'CREATE' | 'UPDATE' | 'DELETE'

/** State shared by the validators of one import. */
export class TrackerValidation {
    readonly errors: TrackerError[] = []
    /** Warnings (`reporter.addWarning`): reported with reportMode WARNINGS/FULL, never blocking. */
    readonly warnings: TrackerError[] = []
    readonly actions = new Map<string, TrackerAction>()
    readonly invalid = new Set<string>()

    constructor(
        readonly ctx: ModelContext,
        readonly user: SandboxUser,
        readonly bundle: TrackerBundle,
        readonly strategy: TrackerStrategy
    ) {}

    private trackerIndex: TrackerIndex | undefined

    /** Look-ups over the state and the bundle for the validators (not for the commit). */
    get index(): TrackerIndex {
        this.trackerIndex ??= new TrackerIndex(this.ctx.state, this.bundle)
        return this.trackerIndex
    }

    add(errorCode: string, trackerType: TrackerType, uid: string, args: string[]): void {
        this.errors.push({ errorCode, trackerType, uid, args })
        this.invalid.add(`${trackerType}:${uid}`)
    }

    warn(errorCode: string, trackerType: TrackerType, uid: string, args: string[]): void {
        this.warnings.push({ errorCode, trackerType, uid, args })
    }

    isInvalid(trackerType: TrackerType, uid: string): boolean {
        return this.invalid.has(`${trackerType}:${uid}`)
    }

    /** CREATE_AND_UPDATE becomes CREATE or UPDATE depending on whether the object exists. */
    action(trackerType: TrackerType, uid: string, exists: boolean): TrackerAction {
        const action =
            this.strategy === 'CREATE_AND_UPDATE' ? (exists ? 'UPDATE' : 'CREATE') : this.strategy
        this.actions.set(`${trackerType}:${uid}`, action)
        return action
    }

    actionOf(trackerType: TrackerType, uid: string): TrackerAction | undefined {
        return this.actions.get(`${trackerType}:${uid}`)
    }

    inCaptureScope(orgUnit: string): boolean {
        return this.ctx.store.isInHierarchy(orgUnit, this.user.organisationUnits)
    }

    /** E1125 args: 2.41+ value and option set; before, also the owner type and UID. */
    optionArgs(value: string, owner: string, ownerId: string, optionSet: string): string[] {
        return this.ctx.minor >= 41 ? [value, optionSet] : [value, owner, ownerId, optionSet]
    }

    hasAuthority(authority: string): boolean {
        return this.user.authorities.includes('ALL') || this.user.authorities.includes(authority)
    }
}
