/**
 * Fixtures shared by the service-items tests: one high-frequency licence item (as `saveServiceItem`
 * takes it, named per test file so files never collide on a shared database) and a short service
 * guide with one pause the clock may exclude.
 */
export function licenceItem(name: string) {
  return {
    basicCode: '0100105000',
    name,
    type: 'ADMINISTRATIVE_LICENSE',
    department: '区市场监督管理局',
    byApplication: true,
    onlineDepth: 'PARTLY_ONLINE',
    visits: 1,
    visitsReason: '需现场核验原件',
    caseKind: 'PROMISED',
    legalLimitDays: 20,
    promisedLimitDays: 5,
    highFrequency: true,
  };
}

export const SHORT_GUIDE = {
  conditions: '经营者',
  materials: [],
  steps: [{ title: '申请' }],
  place: '苏家屯区政务服务中心',
  hours: '周一至周五',
  fees: [],
  pauses: [{ name: '现场核查', maxDays: 3 }],
  contactPhone: '024-12345',
  complaintPhone: '12345',
  faq: [],
};
