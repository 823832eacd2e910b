import i18n from '@dhis2/d2-i18n'

/**
 * Every title and action of explainCode (src/core/summary), as literal i18n.t calls so that
 * `d2-app-scripts i18n extract` puts them into en.pot for translation; explain.ts looks them up
 * at display. explanationTexts.test.ts fails when the core's texts change: regenerate this list.
 * (`nsSeparator: '¦'` keeps the extractor from cutting a text at its colon.)
 */
export const explanationTexts = (): string[] => [
    i18n.t('The importing user may not write data for this facility.'),
    i18n.t(
        'Ask a DHIS2 administrator to add the facility (or a level above it) to the importing user’s data capture org units.'
    ),
    i18n.t('The importing user may not write this kind of person record (tracked entity type).'),
    i18n.t(
        'Ask a DHIS2 administrator to give the importing user data write sharing for it, then run the import again.'
    ),
    i18n.t('This person already exists in DHIS2.'),
    i18n.t(
        'Nothing is lost: the connector updates existing records. If it repeats, tell an administrator.',
        { nsSeparator: '¦' }
    ),
    i18n.t('The person is registered in a facility outside the importing user’s search area.'),
    i18n.t('Ask a DHIS2 administrator to widen the importing user’s search org units.'),
    i18n.t('The tracked entity type in the mapping does not exist in DHIS2.'),
    i18n.t(
        'An administrator should correct the connector mapping (Settings → Mappings), then run the import again.'
    ),
    i18n.t('An attribute in the mapping does not exist in DHIS2.'),
    i18n.t('A value does not have the form DHIS2 expects (a date, number or phone number).'),
    i18n.t(
        'Correct the record in OpenSRP (or ask the health worker who entered it); the next run picks up the change.'
    ),
    i18n.t('The program of this vaccination does not exist in DHIS2.'),
    i18n.t('The facility of this vaccination does not exist in DHIS2.'),
    i18n.t('The program stage in the mapping does not exist in DHIS2.'),
    i18n.t('The program in the mapping does not register people (it is an event program).'),
    i18n.t('The person is already enrolled (active) in this program under another enrollment.'),
    i18n.t(
        'An administrator should check the person in DHIS2 Capture and close or merge the extra enrollment.'
    ),
    i18n.t('The person is already enrolled in this program, which allows one enrollment only.'),
    i18n.t(
        'An administrator should check the person in DHIS2 Capture; the existing enrollment is kept.'
    ),
    i18n.t('A value the program requires is missing (for example name, sex or birth date).'),
    i18n.t('The mapping sends an attribute that is not part of the program.'),
    i18n.t('The enrollment date is in the future.'),
    i18n.t('The birth or incident date is in the future.'),
    i18n.t('The person is of another type than the program expects.'),
    i18n.t('The birth or incident date is missing.'),
    i18n.t('The enrollment date is missing or not a date.'),
    i18n.t('The facility of this vaccination is not assigned to the program.'),
    i18n.t(
        'Ask a DHIS2 administrator to assign the facility to the program, or fix the facility mapping.'
    ),
    i18n.t('This vaccination already exists in DHIS2.'),
    i18n.t('Nothing to fix here: the next import run sends it again.', { nsSeparator: '¦' }),
    i18n.t('The vaccination date is missing.'),
    i18n.t('The vaccination is not in DHIS2 (already removed?).'),
    i18n.t('Nothing to do when it was being deleted.'),
    i18n.t('The vaccination is not linked to an enrollment.'),
    i18n.t('The child’s registration must be sent first; the next run retries it.'),
    i18n.t('This stage allows one event per child, and one already exists.'),
    i18n.t(
        'An administrator should make the stage repeatable in DHIS2 or check for duplicate vaccinations in OpenSRP.'
    ),
    i18n.t('The facility is not assigned to the program.'),
    i18n.t('An ID does not have DHIS2’s format.'),
    i18n.t('Report this to the connector’s administrator: it is a connector or mapping error.', {
        nsSeparator: '¦',
    }),
    i18n.t('The facility of this person does not exist in DHIS2.'),
    i18n.t('The scheduled date is missing.'),
    i18n.t('The attribute option combination does not fit the program.'),
    i18n.t('The program needs an attribute option combination, and none was sent.'),
    i18n.t('The person is not in DHIS2.'),
    i18n.t('The registration is sent first in the next run; if it repeats, tell an administrator.'),
    i18n.t('Another person in DHIS2 already has this ID (a unique value).'),
    i18n.t(
        'An administrator should look up both records in DHIS2 Capture: if they are the same child, remove the duplicate; if not, correct the ID in OpenSRP.',
        { nsSeparator: '¦' }
    ),
    i18n.t('The enrollment points to a person that is not in DHIS2.'),
    i18n.t('The person is sent first in the next run; if it repeats, tell an administrator.'),
    i18n.t('The program in the mapping does not exist in DHIS2.'),
    i18n.t('The facility of this enrollment does not exist in DHIS2.'),
    i18n.t('The vaccination belongs to another program than its enrollment.'),
    i18n.t('This enrollment already exists in DHIS2.'),
    i18n.t('The enrollment is not in DHIS2.'),
    i18n.t('This vaccination was deleted in DHIS2 and cannot be changed.'),
    i18n.t(
        'An administrator decides whether to restore it in DHIS2; the connector leaves it alone.'
    ),
    i18n.t('A value does not have the form DHIS2 expects.'),
    i18n.t('A data element in the mapping does not exist in DHIS2.'),
    i18n.t('The program stage in the mapping belongs to another program.'),
    i18n.t('A value every person must have is missing (for example the OpenSRP ID).'),
    i18n.t('The importing user may not write data to this program.'),
    i18n.t('The importing user may not write data to this program stage.'),
    i18n.t('The importing user may not read data of this program.'),
    i18n.t('The importing user may not write data for this category option.'),
    i18n.t('Deleting this person needs an authority the importing user lacks.'),
    i18n.t('Ask a DHIS2 administrator for the “delete tracked entity and its data” authority.'),
    i18n.t('Another facility owns this person’s record in this program.'),
    i18n.t('An administrator can transfer ownership in DHIS2 Capture or give the user access.'),
    i18n.t('Deleting this enrollment needs an authority the importing user lacks.'),
    i18n.t('Ask a DHIS2 administrator for the “delete enrollment and its events” authority.'),
    i18n.t('The importing user may not read this kind of person record.'),
    i18n.t('This enrollment was deleted in DHIS2 and cannot be changed.'),
    i18n.t('An administrator decides whether to restore it in DHIS2.'),
    i18n.t('This person was deleted in DHIS2 and cannot be changed.'),
    i18n.t('An administrator decides whether to restore the person in DHIS2.'),
    i18n.t('A category option combination does not exist in DHIS2.'),
    i18n.t('A required part of the person record is missing.'),
    i18n.t('A required part of the enrollment is missing.'),
    i18n.t('A required part of the vaccination is missing.'),
    i18n.t('A value is not one of the allowed choices (for example sex or vaccine).'),
    i18n.t('Correct the value in OpenSRP, or an administrator adds it to the option mapping.'),
    i18n.t('A part of the person record that cannot change was changed (such as its type).'),
    i18n.t('Tell an administrator: the record must be corrected in DHIS2 by hand.', {
        nsSeparator: '¦',
    }),
    i18n.t('A part of the enrollment that cannot change was changed (such as its program).'),
    i18n.t('A part of the vaccination that cannot change was changed (such as its stage).'),
    i18n.t('A vaccination value does not have the expected form.'),
    i18n.t('A value the vaccination stage requires is missing (vaccine or dose).'),
    i18n.t('A data element in the mapping is not part of the program stage.'),
    i18n.t('The relationship type in the mapping does not exist in DHIS2.'),
    i18n.t('A person in the mother–child link is not in DHIS2.'),
    i18n.t('Both people are sent first in the next run; if it repeats, tell an administrator.'),
    i18n.t('This mother–child link already exists.'),
    i18n.t('The mother–child link is not in DHIS2.'),
    i18n.t('This mother–child link was deleted in DHIS2 and cannot be changed.'),
    i18n.t('An attribute in the mapping has no UID.'),
    i18n.t('A value every person must have is empty.'),
    i18n.t('A value is longer than DHIS2 allows.'),
    i18n.t('The mother–child link is missing a required part.'),
    i18n.t('A mother–child link points from a person to the same person.'),
    i18n.t('An end of the mother–child link is not a single person record.'),
    i18n.t('The relationship type in the mapping does not link two people.'),
    i18n.t('The relationship type in the mapping is for another kind of person record.'),
    i18n.t('This mother and child are already linked in DHIS2 by another link.'),
    i18n.t('Nothing is lost: the existing link stays. If it repeats, tell an administrator.'),
    i18n.t('The importing user may not write mother–child links (relationship type sharing).'),
    i18n.t('Not sent, because the child’s own record could not be sent.'),
    i18n.t('Fix the problem shown for the child; the vaccination follows in a run after that.'),
    i18n.t('The vaccination date is before the first date its category option allows.'),
    i18n.t(
        'An administrator checks the category option’s start date in DHIS2; otherwise correct the date in OpenSRP.'
    ),
    i18n.t('The vaccination date is after the last date its category option allows.'),
    i18n.t(
        'An administrator checks the category option’s end date in DHIS2; otherwise correct the date in OpenSRP.'
    ),
    i18n.t('A category option in the mapping does not exist in DHIS2.'),
    i18n.t('No category option combination fits the category options in the mapping.'),
    i18n.t(
        'This vaccination is completed in DHIS2 and its stage does not allow changes after completion.'
    ),
    i18n.t(
        'An administrator reopens the event in DHIS2 Capture if the change must be made; the connector leaves it alone.'
    ),
    i18n.t('Not saved because the record it belongs to was refused.'),
    i18n.t(
        'Fix the error on the person or enrollment it belongs to; this one follows in the next run.'
    ),
    i18n.t('The data set in the mapping does not exist in DHIS2, or the user cannot see it.'),
    i18n.t('The importing user may not write data to this data set.'),
    i18n.t('The import did not name its data set.'),
    i18n.t('The facility in the mapping does not exist in DHIS2, or the user cannot see it.'),
    i18n.t(
        'The attribute option combination in the mapping does not exist in DHIS2, or the user cannot see it.'
    ),
    i18n.t('The data element in the mapping does not exist in DHIS2, or the user cannot see it.'),
    i18n.t('The period is not valid.'),
    i18n.t('Report this to the connector’s administrator: the period was computed wrongly.', {
        nsSeparator: '¦',
    }),
    i18n.t(
        'The category option combination (disaggregation) in the mapping does not exist in DHIS2, or the user cannot see it.'
    ),
    i18n.t('The importing user may not write data for this disaggregation (category option).'),
    i18n.t('The importing user may not write data for this attribute option.'),
    i18n.t('The facility is outside the importing user’s data capture area.'),
    i18n.t('A value was empty.'),
    i18n.t('Report this to the connector’s administrator.'),
    i18n.t('A count does not have the form DHIS2 expects (for example a negative number).'),
    i18n.t('Report this to the connector’s administrator: counts should never look like this.', {
        nsSeparator: '¦',
    }),
    i18n.t('A comment was refused.'),
    i18n.t('The disaggregation (category option combination) is missing.'),
    i18n.t('The attribute option combination is missing.'),
    i18n.t('The period type does not match the data set (for example weekly instead of monthly).'),
    i18n.t('The data element is not part of the data set.'),
    i18n.t(
        'The disaggregation does not belong to the data element (for example a sex split that it does not have).'
    ),
    i18n.t('The attribute option combination does not fit the data set.'),
    i18n.t('The facility does not report this data set in DHIS2.'),
    i18n.t(
        'Ask a DHIS2 administrator to assign the facility to the data set, or fix the facility mapping.'
    ),
    i18n.t('DHIS2 refused the “stored by” value.'),
    i18n.t('The period is outside the dates of the attribute option.'),
    i18n.t('The facility cannot use this attribute option.'),
    i18n.t('DHIS2 no longer accepts data for this period (it expired or is locked).'),
    i18n.t(
        'Ask a DHIS2 administrator to extend the data set’s expiry days or unlock the period, then run the import again for that period.'
    ),
    i18n.t('DHIS2 does not accept data for this period yet.'),
    i18n.t(
        'Nothing to fix: the counts are posted once the period is open (usually after it ends).',
        { nsSeparator: '¦' }
    ),
    i18n.t('This period’s data was already approved, so DHIS2 refuses changes.'),
    i18n.t('Ask the approver to unapprove the period in DHIS2 if the counts must be corrected.'),
    i18n.t('DHIS2 refused the whole import because one value was refused (atomic import).'),
    i18n.t('Fix the other conflicts listed; everything is sent again in the next run.'),
    i18n.t('The data element belongs to no data set, and none was named.'),
    i18n.t('The data element belongs to several data sets, and none was named.'),
    i18n.t('A completion date needs the data set, facility and period at the top of the import.'),
    i18n.t('The importing user may not write data for this disaggregation or attribute option.'),
    i18n.t('The disaggregation does not belong to the data element.'),
    i18n.t('The facility is closed for this period in DHIS2.'),
    i18n.t(
        'Ask a DHIS2 administrator to check the facility’s closing date, or fix the facility mapping.'
    ),
    i18n.t(
        'The category option combination in the mapping does not exist in DHIS2, or the user cannot see it.'
    ),
    i18n.t('A comment is too long.'),
    i18n.t('The same count was sent twice in one import.'),
    i18n.t('Report this to the connector’s administrator: it is a connector error.', {
        nsSeparator: '¦',
    }),
    i18n.t('The OpenSRP location of this record is not linked to a DHIS2 facility.'),
    i18n.t(
        'An administrator should add the location to the org unit mapping (Settings → Org units), then run the import again.'
    ),
    i18n.t('The OpenSRP location matches more than one DHIS2 facility.'),
    i18n.t(
        'An administrator should pick the right facility in the org unit mapping (Settings → Org units).'
    ),
    i18n.t('The vaccine of this record is not in the connector’s vaccine list.'),
    i18n.t(
        'An administrator should add the vaccine to the antigen mapping, or correct the record in OpenSRP.'
    ),
    i18n.t('No DHIS2 program is set up to receive this vaccine.'),
    i18n.t('The vaccine has no matching choice in DHIS2’s vaccine list.'),
    i18n.t('The vaccination has no date.'),
    i18n.t('The vaccination date cannot be read as a date.'),
    i18n.t('The vaccination does not say which dose it was.'),
    i18n.t('A date in this record cannot be read as a date.'),
    i18n.t('The date of this visit cannot be read as a date.'),
    i18n.t('A recorded value (such as place of birth or weight) cannot be read.'),
    i18n.t('A date in this record is in the future.'),
    i18n.t('The vaccination date is before the child’s birth date.'),
    i18n.t('A value is not one of the choices DHIS2 allows.'),
    i18n.t('A value DHIS2 requires is missing from the record.'),
    i18n.t('The vaccination belongs to a child the connector has not found in OpenSRP.'),
    i18n.t(
        'Check that the child is registered in OpenSRP; the vaccination is sent once the child is.'
    ),
    i18n.t('The child’s sex is missing or not one the mapping knows.'),
    i18n.t('Correct the sex in OpenSRP, or an administrator adds the value to the sex mapping.'),
    i18n.t('OpenSRP sent a record that is damaged or incomplete, so it was set aside.'),
    i18n.t('Open the record in OpenSRP and correct or complete it; the next run reads it again.'),
    i18n.t('This DHIS2 cannot take this kind of record through the old tracker endpoints.'),
    i18n.t(
        'An administrator should switch the connector to the modern tracker writer (Settings), then run the import again.'
    ),
    i18n.t('DHIS2 could not be reached, or had a temporary problem.'),
    i18n.t(
        'Nothing was lost: the records are sent again in the next run. If it keeps happening, tell the DHIS2 administrator.',
        { nsSeparator: '¦' }
    ),
    i18n.t('DHIS2 refused the login or the access of the importing user.'),
    i18n.t(
        'An administrator should check the token or password and the user’s roles, then run the import again.'
    ),
    i18n.t('DHIS2 refused the whole request.'),
    i18n.t('Tell the connector’s administrator, with the message shown here.'),
    i18n.t('DHIS2 lost track of the import (it was probably restarted).'),
    i18n.t('DHIS2 took too long to finish the import.'),
    i18n.t(
        'Nothing was lost: the records are sent again in the next run. If it keeps happening, try smaller batches.',
        { nsSeparator: '¦' }
    ),
    i18n.t('DHIS2 stopped the import before it checked the records.'),
    i18n.t(
        'The records are sent again in the next run. If it keeps happening, tell the DHIS2 administrator.'
    ),
    i18n.t('DHIS2 gave an answer the connector could not read.'),
    i18n.t(
        'The records are sent again in the next run. If it keeps happening, tell the connector’s administrator.'
    ),
    i18n.t('DHIS2 refused this record; its message says why.'),
    i18n.t('Read the message shown with it; fix the record in OpenSRP or the mapping as it says.'),
    i18n.t('DHIS2 refused this value; its message says why.'),
    i18n.t('Read the message shown with it; fix the mapping or the record as it says.'),
]
