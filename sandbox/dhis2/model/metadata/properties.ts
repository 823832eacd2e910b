import { Dhis2Minor } from '../../contract'
import { REFERENCE_TARGET } from './schema'

/**
 * The properties DHIS2's schema gives each metadata type the sandbox serves: what a `filter`
 * path may name (`GET /api/schemas/{type}`). Taken from the schemas of real 2.40 and 2.41
 * servers (as published in @eyeseetea/d2-api's generated `2.40/` and `2.41/schemas`); 2.38/2.39
 * are assumed to match 2.40 and 2.42/2.43 to match 2.41 apart from the changes noted below.
 */

const words = (text: string): string[] => text.split(' ')

const COMMON = words(
    'access attributeValues code created createdBy displayName favorite favorites href id ' +
        'lastUpdated lastUpdatedBy name sharing translations user'
)
/** Replaced by `sharing` from 2.41 (gone from the 2.41 schemas). */
const LEGACY_SHARING = words('externalAccess publicAccess userAccesses userGroupAccesses')
const NAMEABLE = words(
    'shortName displayShortName description displayDescription formName displayFormName'
)
const DIMENSIONAL = words(
    'aggregationType dimensionItem dimensionItemType legendSet legendSets queryMods'
)

interface TypeProperties {
    /** Shared groups the type has. */
    groups: ReadonlyArray<readonly string[]>
    own: string
    /** Added in the given minor. */
    since?: Readonly<Record<number, string>>
}

const TYPES: Readonly<Record<string, TypeProperties>> = {
    attributes: {
        groups: [COMMON, NAMEABLE],
        own:
            'categoryAttribute categoryOptionAttribute categoryOptionComboAttribute ' +
            'categoryOptionGroupAttribute categoryOptionGroupSetAttribute constantAttribute ' +
            'dataElementAttribute dataElementGroupAttribute dataElementGroupSetAttribute ' +
            'dataSetAttribute documentAttribute eventChartAttribute eventReportAttribute ' +
            'indicatorAttribute indicatorGroupAttribute legendSetAttribute mandatory mapAttribute ' +
            'objectTypes optionAttribute optionSet optionSetAttribute organisationUnitAttribute ' +
            'organisationUnitGroupAttribute organisationUnitGroupSetAttribute programAttribute ' +
            'programIndicatorAttribute programStageAttribute relationshipTypeAttribute ' +
            'sectionAttribute sortOrder sqlViewAttribute trackedEntityAttributeAttribute ' +
            'trackedEntityTypeAttribute unique userAttribute userGroupAttribute ' +
            'validationRuleAttribute validationRuleGroupAttribute valueType visualizationAttribute',
    },
    organisationUnitLevels: { groups: [COMMON], own: 'level offlineLevels' },
    organisationUnits: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own:
            'address ancestors children closedDate comment contactPerson dataSets email geometry ' +
            'image leaf level memberCount openingDate organisationUnitGroups parent path ' +
            'phoneNumber programs type url users',
    },
    categoryOptions: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own:
            'categories categoryOptionCombos categoryOptionGroups endDate isDefault ' +
            'organisationUnits startDate style',
    },
    categories: {
        groups: [COMMON, NAMEABLE],
        own:
            'aggregationType allItems categoryCombos categoryOptions dataDimension ' +
            'dataDimensionType dimension dimensionItemKeywords dimensionType filter items ' +
            'legendSet optionSet programStage repetition valueType',
        since: { 41: 'program' },
    },
    categoryCombos: {
        groups: [COMMON],
        own: 'categories categoryOptionCombos dataDimensionType isDefault skipTotal',
    },
    categoryOptionCombos: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own: 'categoryCombo categoryOptions ignoreApproval',
    },
    optionSets: { groups: [COMMON], own: 'description options valueType version' },
    options: { groups: [COMMON, NAMEABLE], own: 'optionSet sortOrder style' },
    dataElements: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own:
            'aggregationLevels categoryCombo commentOptionSet dataElementGroups dataSetElements ' +
            'domainType fieldMask optionSet optionSetValue style url valueType valueTypeOptions ' +
            'zeroIsSignificant',
    },
    dataSets: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own:
            'categoryCombo compulsoryDataElementOperands compulsoryFieldsCompleteOnly ' +
            'dataElementDecoration dataEntryForm dataInputPeriods dataSetElements expiryDays ' +
            'fieldCombinationRequired formType indicators interpretations mobile ' +
            'noValueRequiresComment notificationRecipients notifyCompletingUser ' +
            'openFuturePeriods openPeriodsAfterCoEndDate organisationUnits periodType ' +
            'renderAsTabs renderHorizontally sections skipOffline style timelyDays ' +
            'validCompleteOnly version workflow',
    },
    trackedEntityAttributes: {
        groups: [COMMON, NAMEABLE, DIMENSIONAL],
        own:
            'confidential displayInListNoProgram displayOnVisitSchedule expression fieldMask ' +
            'generated inherit optionSet optionSetValue orgunitScope pattern skipSynchronization ' +
            'sortOrderInListNoProgram sortOrderInVisitSchedule style unique valueType',
    },
    trackedEntityTypes: {
        groups: [COMMON, NAMEABLE],
        own:
            'allowAuditLog featureType maxTeiCountToReturn minAttributesRequiredToSearch style ' +
            'trackedEntityTypeAttributes',
    },
    relationshipTypes: {
        groups: [COMMON],
        own:
            'bidirectional description displayFromToName displayToFromName fromConstraint ' +
            'fromToName referral toConstraint toFromName',
    },
    programs: {
        groups: [COMMON, NAMEABLE],
        own:
            'accessLevel categoryCombo completeEventsExpiryDays dataEntryForm ' +
            'displayEnrollmentDateLabel displayFrontPageList displayIncidentDate ' +
            'displayIncidentDateLabel enrollmentDateLabel expiryDays expiryPeriodType ' +
            'featureType ignoreOverdueEvents incidentDateLabel maxTeiCountToReturn ' +
            'minAttributesRequiredToSearch notificationTemplates onlyEnrollOnce ' +
            'openDaysAfterCoEndDate organisationUnits programIndicators programRuleVariables ' +
            'programSections programStages programTrackedEntityAttributes programType ' +
            'registration relatedProgram selectEnrollmentDatesInFuture ' +
            'selectIncidentDatesInFuture skipOffline style trackedEntityType ' +
            'useFirstStageDuringRegistration userRoles version withoutRegistration',
        since: {
            41:
                'displayEnrollmentLabel displayEventLabel displayFollowUpLabel displayNoteLabel ' +
                'displayOrgUnitLabel displayProgramStageLabel displayRelationshipLabel ' +
                'displayTrackedEntityAttributeLabel enrollmentLabel eventLabel followUpLabel ' +
                'noteLabel orgUnitLabel programStageLabel relationshipLabel ' +
                'trackedEntityAttributeLabel',
            // The enrollment attribute option combo (E1129/E1130) of 2.43 (reference §7).
            43: 'enrollmentCategoryCombo',
        },
    },
    programStages: {
        groups: [COMMON, NAMEABLE],
        own:
            'allowGenerateNextVisit autoGenerateEvent blockEntryForm dataEntryForm ' +
            'displayDueDateLabel displayExecutionDateLabel displayGenerateEventBox dueDateLabel ' +
            'enableUserAssignment executionDateLabel featureType formType ' +
            'generatedByEnrollmentDate hideDueDate minDaysFromStart nextScheduleDate ' +
            'notificationTemplates openAfterEnrollment periodType preGenerateUID program ' +
            'programStageDataElements programStageSections referral remindCompleted repeatable ' +
            'reportDateToUse sortOrder standardInterval style validationStrategy',
        since: { 41: 'displayEventLabel displayProgramStageLabel eventLabel programStageLabel' },
    },
}

/** Embedded (non-identifiable) objects a path may walk into, by the property holding them. */
const EMBEDDED: Readonly<Record<string, TypeProperties>> = {
    dataSetElements: { groups: [], own: 'categoryCombo dataElement dataSet' },
    programTrackedEntityAttributes: {
        groups: [COMMON],
        own:
            'allowFutureDate displayInList displayShortName mandatory program ' +
            'renderOptionsAsRadio renderType searchable sortOrder trackedEntityAttribute valueType',
    },
    programStageDataElements: {
        groups: [COMMON],
        own:
            'allowFutureDate allowProvidedElsewhere compulsory dataElement displayInReports ' +
            'programStage renderOptionsAsRadio renderType skipAnalytics skipSynchronization ' +
            'sortOrder',
    },
    trackedEntityTypeAttributes: {
        groups: [COMMON],
        own:
            'displayInList displayShortName mandatory searchable trackedEntityAttribute ' +
            'trackedEntityType valueType',
    },
    fromConstraint: {
        groups: [],
        own: 'program programStage relationshipEntity trackedEntityType trackerDataView',
    },
    toConstraint: {
        groups: [],
        own: 'program programStage relationshipEntity trackedEntityType trackerDataView',
    },
    sharing: { groups: [], own: 'external owner public userGroups users' },
    access: { groups: [], own: 'data delete externalize manage read update write' },
}

/**
 * `attributeValues` items: `{attribute, value}` up to 2.41; from 2.42 a JSONB map keyed by
 * attribute UID with no properties of its own (DHIS2-17482; dhis2/dhis2-docs#1777: the
 * `attributeValues.value` path then fails with "Unknown path property").
 */
const ATTRIBUTE_VALUES_UNTIL_41: TypeProperties = { groups: [], own: 'attribute value' }
const ATTRIBUTE_VALUES_FROM_42: TypeProperties = { groups: [], own: '' }

function propertySet(type: TypeProperties, minor: Dhis2Minor): Set<string> {
    const names = new Set<string>(type.groups.flat())
    for (const name of words(type.own)) if (name) names.add(name)
    for (const [since, extra] of Object.entries(type.since ?? {})) {
        if (minor >= Number(since)) for (const name of words(extra)) names.add(name)
    }
    if (minor <= 40 && type.groups.includes(COMMON))
        for (const name of LEGACY_SHARING) names.add(name)
    return names
}

/** The schema behind a property: a served type, an embedded object, or unknown (not modelled). */
export type PropertySchema = Set<string> | undefined

export function typeSchema(collection: string, minor: Dhis2Minor): PropertySchema {
    const type = TYPES[collection]
    return type ? propertySet(type, minor) : undefined
}

/** What `property` leads to, for the next segment of a path. */
export function nestedSchema(property: string, minor: Dhis2Minor): PropertySchema {
    if (property === 'attributeValues') {
        return propertySet(
            minor >= 42 ? ATTRIBUTE_VALUES_FROM_42 : ATTRIBUTE_VALUES_UNTIL_41,
            minor
        )
    }
    const embedded = EMBEDDED[property]
    if (embedded) return propertySet(embedded, minor)
    const target = REFERENCE_TARGET[property]
    return target ? typeSchema(target, minor) : undefined
}
