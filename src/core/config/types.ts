/**
 * Configuration kept in the dataStore namespace `opensrp-connector` (DESIGN §7): `settings` and
 * `mappings`. Both are versioned; adapters validate what they read (src/adapters/dhis2/config*)
 * and migrate older versions. The core only ever sees these validated shapes.
 */
import type { EventSelection } from '../ports/openSrpSource'

export type OpenSrpAccess =
    /** Through the DHIS2 route `routeCode` (2.40+): credentials stay in DHIS2 (DESIGN §3.5). */
    | { mode: 'route'; routeCode: string }
    /** Straight to OpenSRP (older DHIS2; the CLI); credentials in the dataStore key `secrets`. */
    | { mode: 'direct'; baseUrl: string }

export interface ConnectorSettings {
    version: 1
    opensrp: OpenSrpAccess
    /** Which events to read (getAll needs ALL_EVENTS; sync reads exact location ids). */
    events: EventSelection
    /** Reporting time zone: OpenSRP date-times with an offset are converted to it before taking the date. */
    timeZone: string
    /** Per-installation salt of the deterministic UIDs (DESIGN §3.1). Never change it after the first run. */
    uidSalt: string
    /** OpenSRP records per request. */
    pageSize: number
    /** Objects per DHIS2 tracker request; data values per dataValueSets request. */
    trackerBatchSize: number
    aggregateBatchSize: number
    /** `auto`: /api/tracker where it exists (2.38+), else legacy. `legacy` only works on ≤ 2.41. */
    trackerWriter: 'auto' | 'tracker' | 'legacy'
    /** Failed records: attempts before they stay in the queue for a person to look at. */
    maxAttempts: number
}

/** OpenSRP location → DHIS2 org unit. Explicit entries win; then the rules, in order. */
export interface OrgUnitMapping {
    /** OpenSRP location id → DHIS2 org unit UID, as reviewed by an admin. */
    explicit: Record<string, string>
    /**
     * How to match the rest: `uid` (the location id is the org unit UID, as DHIS2ImportOrganizationUnits
     * makes it), `attribute` (an org unit attribute holds the location id), `code`, `name`.
     */
    rules: Array<
        { by: 'uid' } | { by: 'attribute'; attribute: string } | { by: 'code' } | { by: 'name' }
    >
}

/** How to read one DHIS2 attribute value from an OpenSRP client. */
export type ValueSource =
    | { from: 'baseEntityId' }
    | {
          from: 'field'
          field:
              | 'firstName'
              | 'middleName'
              | 'lastName'
              | 'gender'
              | 'birthdate'
              | 'deathdate'
              | 'clientType'
      }
    /** identifiers[name], case-insensitive (OpenSRP's key case varies). */
    | { from: 'identifier'; name: string }
    | { from: 'attribute'; name: string }
    /** The first non-empty of several sources. */
    | { from: 'firstOf'; sources: ValueSource[] }
    /** Non-empty parts joined by `separator`. */
    | { from: 'concat'; sources: ValueSource[]; separator: string }
    /** A value of the client's mother (through relationships.mother[0]). */
    | { from: 'mother'; source: ValueSource }
    | { from: 'constant'; value: string }

export type ValueTransform =
    /** Date or date-time text → yyyy-MM-dd in the reporting time zone. */
    | { type: 'date' }
    /** Value → option code; unknown values are a mapping error. Keys are compared case-insensitively. */
    | { type: 'optionMap'; map: Record<string, string> }
    | { type: 'trim' }
    /** Values that stand for "not known" (`-` as a child's last name) become empty, so nothing is sent. */
    | { type: 'placeholder'; values: string[] }

export interface AttributeMapping {
    attribute: string
    /** What the attribute means ("date of birth"), for error messages; never a value. */
    label?: string
    source: ValueSource
    transform?: ValueTransform[]
    /** A client without this value is a per-record error (DHIS2 E1018/E1090 otherwise). */
    mandatory: boolean
}

/**
 * Which clients a program takes (src/core/tracker/selectPrograms.ts); a client goes to every
 * program whose selector it matches.
 */
export type ClientSelector =
    /**
     * Women: clients without a `mother` relationship and not male that carry one of `identifiers`
     * (default `M_ZEIR_ID`, as the ZEIR/BD apps register mothers), or a `clientType` of mother or
     * woman, or that the caller knows to be someone's mother (SelectionHints).
     */
    | { type: 'mother'; identifiers?: string[] }
    /** Clients that have a `mother` relationship (children). */
    | { type: 'child' }
    | { type: 'clientType'; value: string }
    | { type: 'all' }

export interface VaccinationStageMapping {
    programStage: string
    /** OpenSRP antigens (as AntigenRule.antigen) recorded in this stage. */
    antigens: string[]
    /** Data element holding the vaccine (option code from `vaccineCodes`). */
    vaccineDataElement: string
    vaccineCodes: Record<string, string>
    doseDataElement?: string
    /** Data element holding the OpenSRP event id (formSubmissionId), for audit and lookups. */
    sourceIdDataElement?: string
}

export interface ProgramMapping {
    program: string
    selector: ClientSelector
    /** Enrollment date: the client's registration (Birth Registration event / dateCreated) or birth date. */
    enrolledAt: 'birthdate' | 'dateCreated'
    /** Sent only when the program displays an incident date. */
    occurredAt?: 'birthdate' | 'dateCreated'
    attributes: AttributeMapping[]
    vaccinations?: VaccinationStageMapping
}

export interface TrackerMapping {
    trackedEntityType: string
    /** The unique "OpenSRP ID" attribute that identifies adopted tracked entities. */
    idAttribute: string
    /** TE-type attributes sent for every program (name, sex, birth date…). */
    attributes: AttributeMapping[]
    programs: ProgramMapping[]
    /** Relationship type mother → child, where the metadata has one. */
    motherChildRelationshipType?: string
    /**
     * For clients without a `locationId` (ZEIR/BD mothers): the address field naming their
     * facility (`address4`, the vaccination centre), matched to an OpenSRP location by name.
     */
    addressFacilityField?: string
}

/** How an antigen is recognised in a Vaccination event (reference opensrp-api.md §5.2). */
export interface AntigenRule {
    /** Our name for it: `bcg`, `opv`, `penta`, `pcv`, `ipv`, `mr`, `tt` … */
    antigen: string
    /** obs parentCode values naming this antigen. */
    parentCodes: string[]
    /** formSubmissionField prefixes (before `_<dose>`), the fallback: `opv`, `fipv`, `ipv` … */
    fieldPrefixes: string[]
}

export type Disaggregation = 'none' | 'sex'

export type IndicatorRule =
    /** Doses of an antigen (optionally one dose number) given. */
    | {
          type: 'dose'
          antigen: string
          dose?: number
          dataElement: string
          disaggregation: Disaggregation
          categoryOptionCombo?: string
      }
    /** Events of a type, once per client (registrations). */
    | {
          type: 'eventCount'
          eventType: string
          dataElement: string
          disaggregation: Disaggregation
          categoryOptionCombo?: string
      }
    /** Events of a type whose obs (by formSubmissionField) has a value in `values` (case-insensitive, values or humanReadableValues). */
    | {
          type: 'obsValue'
          eventType: string
          field: string
          values: string[]
          dataElement: string
          disaggregation: Disaggregation
          categoryOptionCombo?: string
      }
    /** Events whose numeric obs is below `threshold` (low birth weight). */
    | {
          type: 'obsBelow'
          eventType: string
          field: string
          threshold: number
          dataElement: string
          disaggregation: Disaggregation
          categoryOptionCombo?: string
      }

export interface DataSetMapping {
    dataSet: string
    periodType:
        | 'Monthly'
        | 'Weekly'
        | 'WeeklyWednesday'
        | 'WeeklyThursday'
        | 'WeeklySaturday'
        | 'WeeklySunday'
    attributeOptionCombo: string
    /** Category option combos of the sex disaggregation: `male` and `female`. */
    sexCategoryOptionCombos?: { male: string; female: string }
    /** COC for undisaggregated values (the default COC, HllvX50cXC0). */
    defaultCategoryOptionCombo: string
    indicators: IndicatorRule[]
}

export interface AggregateMapping {
    dataSets: DataSetMapping[]
    /** Days after a period ends before it is posted (late uploads from devices). */
    closeAfterDays: number
}

export interface Mappings {
    version: 1
    orgUnits: OrgUnitMapping
    /** How vaccinations are read, shared by tracker and aggregate. */
    antigens: AntigenRule[]
    /**
     * Which copy of an out-of-area vaccination is kept (reference §5.3): the device's event at the
     * vaccinating site, or the server's copy at the home facility (`details.out_of_catchment_provider_id`).
     * The other copy and every "Out of Area Service - Vaccination" event are skipped, for tracker and aggregate.
     */
    outOfAreaKeep: 'vaccinating-site' | 'home'
    tracker?: TrackerMapping
    aggregate?: AggregateMapping
}
