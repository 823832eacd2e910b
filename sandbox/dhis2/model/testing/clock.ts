/** The fixed instant the model tests run at: Monday 2024-06-03, 10:20:41 UTC (test helper). */
export const fixedClock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
