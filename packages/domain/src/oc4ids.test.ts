import { isOpenDocumentType, oc4idsAmount, oc4idsProjectId, oc4idsSectors, oc4idsStatus } from './oc4ids';

describe('OC4IDS terms', () => {
  it.each([['RESERVE', 'preparation'], ['NEW', 'implementation'], ['CONTINUING', 'implementation'], ['COMPLETED', 'completion'], ['REMOVED', 'cancelled']] as const)('stage %s is %s', (stage, status) => expect(oc4idsStatus(stage)).toBe(status));
  it.each([['INDUSTRIAL', ['economy']], ['MODERN_SERVICES', ['economy']], ['INFRASTRUCTURE', []], ['SOCIAL', []]] as const)('category %s', (c, sectors) => expect(oc4idsSectors(c)).toEqual(sectors));
  it.each([
    ['the national code when there is one', '2020-210111-48-01-000123', 'oc4ids-xx-2020-210111-48-01-000123'],
    ['else the platform code', null, 'oc4ids-xx-SJT-2020-001'],
  ])('id: %s', (_n, national, id) => expect(oc4idsProjectId('oc4ids-xx', 'SJT-2020-001', national)).toBe(id));
  it.each<[bigint, number, string]>([
    [0n, 0, '0'],
    [1n, 0.01, '0.01'],
    [1_250_000_050n, 12_500_000.5, '12500000.5'],
    [1_234_567_890_123n, 12_345_678_901.23, '12345678901.23'],
    [999_999_999_999_999n, 9_999_999_999_999.99, '9999999999999.99'],
    [987_654_321_098_765n, 9_876_543_210_987.65, '9876543210987.65'],
    [-5n, -0.05, '-0.05'],
  ])('%s 分 is %s 元, written exactly', (fen, yuan, text) => {
    expect(oc4idsAmount(fen)).toBe(yuan);
    expect(JSON.stringify(oc4idsAmount(fen))).toBe(text);
  });
  it('refuses an amount no JSON number holds exactly', () => expect(() => oc4idsAmount(1_000_000_000_000_000n)).toThrow(RangeError));
  it.each<[string, boolean]>([
    ['budgetApproval', true],
    ['landAndSettlementImpact', true],
    ['environmentalImpact', true],
    ['completionCertificate', true],
    ['projectPlan', false],
    ['feasibilityStudy', false],
    ['technicalSpecifications', false],
    ['contractSigned', false],
    ['physicalProgressReport', false],
    ['financialAuditReport', false],
    ['illustration', false],
    ['', false],
  ])('a %s document is in the open file: %s', (type, open) => expect(isOpenDocumentType(type)).toBe(open));
});
