import type { Fen } from './money';

/**
 * How the platform's project terms are published in OC4IDS 0.9 (the Open Contracting for Infrastructure
 * Data Standard): the project status, the sector, the identifier, and amounts as numbers of 元.
 */

export type Oc4idsStatus = 'identification' | 'preparation' | 'implementation' | 'completion' | 'maintenance' | 'decommissioning' | 'decommissioned' | 'cancelled';

/** A stage (储备, 新开工, 续建, 竣工, 剔除) as OC4IDS projectStatus (a closed codelist). */
export function oc4idsStatus(stage: 'RESERVE' | 'NEW' | 'CONTINUING' | 'COMPLETED' | 'REMOVED'): Oc4idsStatus {
  switch (stage) {
    case 'RESERVE':
      return 'preparation';
    case 'NEW':
    case 'CONTINUING':
      return 'implementation';
    case 'COMPLETED':
      return 'completion';
    case 'REMOVED':
      return 'cancelled';
  }
}

/**
 * The OC4IDS sectors (an open codelist) a category falls in, where one fits: industry and modern services
 * are `economy`; infrastructure and social programmes span several sectors (transport, water, education,
 * health…) and get none rather than a wrong one — the category itself is published as a classification.
 */
export function oc4idsSectors(category: 'INFRASTRUCTURE' | 'INDUSTRIAL' | 'MODERN_SERVICES' | 'SOCIAL'): string[] {
  return category === 'INDUSTRIAL' || category === 'MODERN_SERVICES' ? ['economy'] : [];
}

/**
 * A project's OC4IDS id: the publisher's registered prefix and the national project code (项目代码) when the
 * project has one, else the platform's own code.
 */
export function oc4idsProjectId(prefix: string, code: string, nationalCode: string | null): string {
  return `${prefix}-${nationalCode ?? code}`;
}

/** The largest amount written exactly: a double keeps any 15 significant digits, so 10^15 − 1 分 (about 10 万亿元). */
export const OC4IDS_MAX_EXACT_FEN = 999_999_999_999_999n;

/**
 * An amount of 分 as the OC4IDS Value's number of 元 (the schema wants a number, not a string). Exact up to
 * OC4IDS_MAX_EXACT_FEN: the number's shortest decimal form is the amount itself ("12500000.5" for
 * 1,250,000,050 分); beyond it the amount is refused rather than rounded.
 */
export function oc4idsAmount(fen: Fen): number {
  if (fen > OC4IDS_MAX_EXACT_FEN || fen < -OC4IDS_MAX_EXACT_FEN) throw new RangeError(`amount ${fen} 分 is beyond an exact JSON number`);
  return Number(fen) / 100;
}

/**
 * The document types published in the open file (without sign-in): the government's own decisions that
 * are public records — the approval (立项 / 投资批复), land use (用地), the EIA approval (环评批复) and the
 * completion acceptance (竣工验收). Proposals, studies, designs, contracts, progress and audit reports and
 * site photos stay with signed-in readers. In the open file a document is its metadata only (type, title,
 * 文号, issuer, date): its files are never linked.
 */
export const OPEN_DOCUMENT_TYPES: ReadonlySet<string> = new Set(['budgetApproval', 'landAndSettlementImpact', 'environmentalImpact', 'completionCertificate']);

/** Whether a document of this OC4IDS documentType appears in the open file. */
export function isOpenDocumentType(documentType: string): boolean {
  return OPEN_DOCUMENT_TYPES.has(documentType);
}
