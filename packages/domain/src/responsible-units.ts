import { normalMobile } from './support';

/**
 * The directory of responsible units (责任单位名录): the departments and companies that own problems
 * (区自然资源局, 供电公司…) and usually have no account. A unit listed and enabled in the directory of a
 * problem's district (or city) is sent the problem's deadline reminders through the area's outbound
 * channels (an SMS gateway), at the phone of its contact.
 */

/** Longest unit name, contact name. */
export const UNIT_NAME_MAX = 64;
export const UNIT_CONTACT_MAX = 32;

/**
 * The key a problem's free-text owner unit is matched on: spaces (half- and full-width) removed and
 * ASCII letters lower-cased, so "苏家屯区 水务局" finds "苏家屯区水务局".
 */
export function unitNameKey(name: string): string {
  return (name ?? '').replace(/[\s\u3000]+/g, '').toLowerCase();
}

export interface ResponsibleUnitDraft {
  name: string;
  contactName: string;
  phone: string;
}

/**
 * What is wrong with a unit as entered, field by field (empty: nothing); with the phone as it will be
 * stored (the mobile rule of the support poll: 11 digits starting 13–19, +86 and separators removed).
 */
export function responsibleUnitProblems(draft: ResponsibleUnitDraft): { problems: { field: string; reason: string }[]; phone: string | null } {
  const problems: { field: string; reason: string }[] = [];
  const name = (draft.name ?? '').trim();
  if (!name) problems.push({ field: 'name', reason: '请填写单位名称' });
  else if (name.length > UNIT_NAME_MAX) problems.push({ field: 'name', reason: `单位名称不超过 ${UNIT_NAME_MAX} 个字` });
  const contact = (draft.contactName ?? '').trim();
  if (!contact) problems.push({ field: 'contactName', reason: '请填写联系人' });
  else if (contact.length > UNIT_CONTACT_MAX) problems.push({ field: 'contactName', reason: `联系人不超过 ${UNIT_CONTACT_MAX} 个字` });
  const phone = normalMobile(draft.phone ?? '');
  if (!phone) problems.push({ field: 'phone', reason: '请填写 11 位手机号码（短信提醒发往此号码）' });
  return { problems, phone };
}
