import type { AttributeMapping, TrackerMapping, VaccinationStageMapping } from '../config/types'

/**
 * The default tracker mapping for the Bangladesh EPI metadata package
 * (sandbox/data/bd-epi-metadata.json): tracked entity type Person, the programs
 * "Child Immunisation (OpenSRP)" and "Maternal TT (OpenSRP)". bdTracker.test.ts checks it against
 * the package: every mandatory attribute and compulsory data element is covered, every option code
 * exists.
 */

export const BD_TRACKED_ENTITY_TYPE = 'ligA6yGUkYl'
export const BD_CHILD_PROGRAM = 'C15BBx4PSBf'
export const BD_CHILD_STAGE = 'CH7Lg690vBD'
export const BD_MOTHER_PROGRAM = 'HTqzpjctuad'
export const BD_MOTHER_STAGE = 'uUEzUXJRds2'

const ATTRIBUTES = {
    openSrpId: 'caS6LyxoM41',
    firstName: 'QjWOSmGM0J3',
    lastName: 'RWxfLv4xPgy',
    sex: 'jWSuNC2sfcj',
    dateOfBirth: 'hgj3t9ZO6ls',
    mothersName: 'GKuYUURSRwy',
    phone: 'xMUAkcOptlc',
} as const

const DATA_ELEMENTS = { vaccine: 'qR6eP15RJ7h', dose: 'UGinqBJICof', openSrpEventId: 'lr2sazXdXWr' }

/**
 * The OpenSRP ID is the client's baseEntityId, not its ZEIR_ID. Tracked entities are adopted and
 * kept unique by this attribute, so it must exist for every client, never change and never be
 * shared: baseEntityId is all three (it is also what the tracked entity UID derives from, and what
 * the seed connector sent as "OpenSRP ID", reference §6). ZEIR_IDs are not: mothers have
 * M_ZEIR_IDs, some clients hold two that differ only in key case (fixtures: Nasrin), a voided
 * duplicate registration carries its own, and they can be re-typed on the device.
 */
const openSrpId: AttributeMapping = {
    attribute: ATTRIBUTES.openSrpId,
    label: 'OpenSRP ID (baseEntityId)',
    source: { from: 'baseEntityId' },
    mandatory: true,
}

const sex = (mandatory: boolean): AttributeMapping => ({
    attribute: ATTRIBUTES.sex,
    label: 'sex',
    source: { from: 'field', field: 'gender' },
    // Option set t4Qfgt6hKZc (Sex): MALE, FEMALE.
    transform: [
        { type: 'optionMap', map: { Male: 'MALE', Female: 'FEMALE', M: 'MALE', F: 'FEMALE' } },
    ],
    mandatory,
})

const dateOfBirth = (mandatory: boolean): AttributeMapping => ({
    attribute: ATTRIBUTES.dateOfBirth,
    label: 'date of birth',
    source: { from: 'field', field: 'birthdate' },
    transform: [{ type: 'date' }],
    mandatory,
})

const vaccinationStage = (
    programStage: string,
    vaccineCodes: Record<string, string>
): VaccinationStageMapping => ({
    programStage,
    antigens: Object.keys(vaccineCodes),
    vaccineDataElement: DATA_ELEMENTS.vaccine,
    // Option set tKeSk8a3J0D (EPI Vaccine).
    vaccineCodes,
    doseDataElement: DATA_ELEMENTS.dose,
    sourceIdDataElement: DATA_ELEMENTS.openSrpEventId,
})

export const bdTrackerMapping = (): TrackerMapping => ({
    trackedEntityType: BD_TRACKED_ENTITY_TYPE,
    idAttribute: ATTRIBUTES.openSrpId,
    attributes: [
        openSrpId,
        {
            attribute: ATTRIBUTES.firstName,
            label: 'first name',
            source: { from: 'field', field: 'firstName' },
            transform: [{ type: 'trim' }],
            // Mandatory in both programs.
            mandatory: true,
        },
        {
            attribute: ATTRIBUTES.lastName,
            label: 'last name',
            source: { from: 'field', field: 'lastName' },
            // "B/O Nasrin" style registrations carry `-` as the last name.
            transform: [{ type: 'trim' }, { type: 'placeholder', values: ['-', '.'] }],
            mandatory: false,
        },
        sex(false),
        dateOfBirth(false),
        {
            attribute: ATTRIBUTES.phone,
            label: 'phone number',
            // Women carry their own; a child is reached through the mother's.
            source: {
                from: 'firstOf',
                sources: [
                    { from: 'attribute', name: 'phoneNumber' },
                    { from: 'mother', source: { from: 'attribute', name: 'phoneNumber' } },
                ],
            },
            transform: [{ type: 'trim' }],
            mandatory: false,
        },
    ],
    programs: [
        {
            program: BD_CHILD_PROGRAM,
            selector: { type: 'child' },
            enrolledAt: 'dateCreated',
            // The program shows an incident date labelled "Date of birth".
            occurredAt: 'birthdate',
            attributes: [
                sex(true),
                dateOfBirth(true),
                {
                    attribute: ATTRIBUTES.mothersName,
                    label: "mother's name",
                    source: {
                        from: 'mother',
                        source: {
                            from: 'concat',
                            sources: [
                                { from: 'field', field: 'firstName' },
                                { from: 'field', field: 'lastName' },
                            ],
                            separator: ' ',
                        },
                    },
                    mandatory: false,
                },
            ],
            // Measles doses (`measles_n`, parentCode 36…) are read as `mr` by BD_ANTIGENS.
            vaccinations: vaccinationStage(BD_CHILD_STAGE, {
                bcg: 'BCG',
                opv: 'OPV',
                penta: 'PENTA',
                pcv: 'PCV',
                ipv: 'FIPV',
                mr: 'MR',
            }),
        },
        {
            program: BD_MOTHER_PROGRAM,
            selector: { type: 'mother', identifiers: ['M_ZEIR_ID'] },
            enrolledAt: 'dateCreated',
            attributes: [],
            vaccinations: vaccinationStage(BD_MOTHER_STAGE, { tt: 'TT' }),
        },
    ],
    // The BD package has no relationship type for mother → child.
    addressFacilityField: 'address4',
})
