import { formatDateTime } from './dates'
import { JsonRecord } from './json'
import { generateUid } from './uid'

export type JobCategory = 'TRACKER_IMPORT_JOB' | 'DATAVALUE_IMPORT'

/** What a finished job leaves behind: its report and the summary line of its last notification. */
export interface JobOutcome {
    report: unknown
    completionMessage: string
}

interface Job {
    id: string
    category: JobCategory
    submittedAt: number
    readyAt: number
    parameters: JsonRecord
    run: () => JobOutcome
    outcome?: JobOutcome
    notifications: JsonRecord[]
}

const TRACKER_STEPS = [
    'Loading file resource',
    'Loading file content',
    'Running PreHeat',
    'Calculating Payload Size',
    'Running PreProcess',
    'Running Validation',
    'Running Rule Engine',
    'Running Rule Engine Validation',
    'Commit Transaction',
    'PostCommit',
]

/**
 * Async imports (§3.1 async, §3.2): the import runs when its delay has passed (checked on every
 * request, so no timers), and notifications/reports live in memory only, as in DHIS2.
 */
export class JobQueue {
    private jobs = new Map<string, Job>()

    constructor(
        private readonly now: () => Date,
        private readonly delayMs: number
    ) {}

    submit(category: JobCategory, parameters: JsonRecord, run: () => JobOutcome): string {
        const id = generateUid()
        const submittedAt = this.now().getTime()
        const job: Job = {
            id,
            category,
            submittedAt,
            readyAt: submittedAt + this.delayMs,
            parameters,
            run,
            notifications: [],
        }
        job.notifications.push(
            this.notification(
                job,
                0,
                category === 'TRACKER_IMPORT_JOB' ? 'Tracker import started' : 'Process started',
                false,
                generateUid(),
                parameters
            )
        )
        this.jobs.set(id, job)
        return id
    }

    /** Runs every job whose time has come, oldest first. */
    runDue(): void {
        const now = this.now().getTime()
        for (const job of this.jobs.values()) {
            if (job.outcome || job.readyAt > now) continue
            job.outcome = job.run()
            const steps =
                job.category === 'TRACKER_IMPORT_JOB' ? TRACKER_STEPS : ['Importing data values']
            steps.forEach((message, i) =>
                job.notifications.push(this.notification(job, i + 1, message, false))
            )
            job.notifications.push(
                this.notification(
                    job,
                    steps.length + 1,
                    job.outcome.completionMessage,
                    true,
                    job.id
                )
            )
        }
    }

    /** Notifications newest first; undefined for a job this server does not know. */
    notifications(category: JobCategory, id: string): JsonRecord[] | undefined {
        const job = this.jobs.get(id)
        if (!job || job.category !== category) return undefined
        return [...job.notifications].reverse()
    }

    report(category: JobCategory, id: string): { ready: boolean; report?: unknown } | undefined {
        const job = this.jobs.get(id)
        if (!job || job.category !== category) return undefined
        return job.outcome ? { ready: true, report: job.outcome.report } : { ready: false }
    }

    clear(): void {
        this.jobs.clear()
    }

    private notification(
        job: Job,
        step: number,
        message: string,
        completed: boolean,
        uid = generateUid(),
        data?: JsonRecord
    ): JsonRecord {
        return {
            uid,
            level: 'INFO',
            category: job.category,
            time: formatDateTime(new Date(job.submittedAt + step * 37)),
            message,
            completed,
            ...(data ? { dataType: 'PARAMETERS', data } : {}),
            id: uid,
        }
    }
}
