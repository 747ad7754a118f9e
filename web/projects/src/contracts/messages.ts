import type { Messages } from '@kpd/web-kit';
import type { ContractNature, ContractStatus, ProjectDocumentType, VariationKind } from '../gql/graphql';

type Key =
  | ProjectDocumentType | ContractNature | ContractStatus | VariationKind
  | 'documentsTab' | 'contractsTab' | 'completionTab' | 'documentType' | 'title' | 'number' | 'issuer' | 'issuedOn' | 'addDocument' | 'noDocuments'
  | 'edit' | 'remove' | 'removeConfirm' | 'save' | 'cancel' | 'required' | 'wanHint' | 'files' | 'attachFile' | 'uploading' | 'fileHint' | 'removeFile'
  | 'contractTitle' | 'contractNumber' | 'nature' | 'status' | 'supplier' | 'originalValue' | 'currentValue' | 'signedOn' | 'startDate' | 'endDate' | 'currentEndDate'
  | 'addContract' | 'noContracts' | 'variations' | 'addVariation' | 'kind' | 'date' | 'reason' | 'oldValue' | 'newValue' | 'oldEndDate' | 'newEndDate' | 'noVariations' | 'recordedBy'
  | 'complete' | 'completed' | 'notCompleted' | 'completionDate' | 'finalCost' | 'finalScope' | 'deviationReason' | 'deviationHint' | 'acceptance' | 'plannedCost' | 'plannedEnd' | 'costDiff' | 'oc4ids' | 'oc4idsHint';

export const contractMessages: Messages<Key> = {
  zh: {
    documentsTab: '项目文件', contractsTab: '合同', completionTab: '竣工', documentType: '文件类型', title: '文件名称', number: '文号', issuer: '发文单位', issuedOn: '印发日期',
    addDocument: '登记文件', noDocuments: '尚未登记项目文件', edit: '修改', remove: '删除', removeConfirm: '删除该文件？', save: '保存', cancel: '取消', required: '必填',
    wanHint: '万元，最多 6 位小数', files: '文件', attachFile: '上传文件', uploading: '上传中', fileHint: 'PDF 文件或 JPEG、PNG 扫描件，最多 10 个', removeFile: '移除',
    PROJECT_PLAN: '项目建议书', FEASIBILITY_STUDY: '可行性研究报告', BUDGET_APPROVAL: '立项 / 投资批复', LAND_AND_SETTLEMENT_IMPACT: '用地 / 征拆', ENVIRONMENTAL_IMPACT: '环境影响评价',
    TECHNICAL_SPECIFICATIONS: '规划 / 设计文件', CONTRACT_SIGNED: '合同', PHYSICAL_PROGRESS_REPORT: '进度报告', FINANCIAL_AUDIT_REPORT: '审计报告', COMPLETION_CERTIFICATE: '竣工验收', ILLUSTRATION: '现场照片（销号佐证）',
    contractTitle: '合同名称', contractNumber: '合同编号', nature: '类别', status: '状态', supplier: '承包单位', originalValue: '签约金额（万元）', currentValue: '现行金额', signedOn: '签订日期',
    startDate: '开始日期', endDate: '约定完成日期', currentEndDate: '现行完成日期', addContract: '登记合同', noContracts: '尚未登记合同', variations: '变更', addVariation: '登记变更',
    kind: '变更类型', date: '变更日期', reason: '变更原因', oldValue: '变更前金额（万元）', newValue: '变更后金额（万元）', oldEndDate: '变更前完成日期', newEndDate: '变更后完成日期', noVariations: '无变更', recordedBy: '登记人',
    DESIGN: '设计', CONSTRUCTION: '施工', SUPERVISION: '监理', PRE_AWARD: '招标中', ACTIVE: '履行中', CLOSED: '已结束', VALUE: '金额变更', DURATION: '工期变更', SCOPE: '内容变更',
    complete: '竣工登记', completed: '已竣工', notCompleted: '项目尚未竣工', completionDate: '竣工日期', finalCost: '决算投资（万元）', finalScope: '实际建设内容', deviationReason: '偏差说明',
    deviationHint: '决算投资与总投资不同或晚于计划竣工时必填', acceptance: '竣工验收文件', plannedCost: '计划总投资', plannedEnd: '计划竣工', costDiff: '投资偏差',
    oc4ids: 'OC4IDS 开放数据', oc4idsHint: '下载本区域该年度项目的 OC4IDS 0.9 数据包（JSON）',
  },
  en: {
    documentsTab: 'Documents', contractsTab: 'Contracts', completionTab: 'Completion', documentType: 'Type', title: 'Title', number: 'Number', issuer: 'Issuer', issuedOn: 'Issued on',
    addDocument: 'File a document', noDocuments: 'No documents yet', edit: 'Edit', remove: 'Remove', removeConfirm: 'Remove this document?', save: 'Save', cancel: 'Cancel', required: 'Required',
    wanHint: 'in 10,000 yuan, up to 6 decimals', files: 'Files', attachFile: 'Upload a file', uploading: 'Uploading', fileHint: 'A PDF or scans (JPEG, PNG), up to 10', removeFile: 'Remove',
    PROJECT_PLAN: 'Project proposal', FEASIBILITY_STUDY: 'Feasibility study', BUDGET_APPROVAL: 'Project approval', LAND_AND_SETTLEMENT_IMPACT: 'Land and resettlement', ENVIRONMENTAL_IMPACT: 'Environmental impact',
    TECHNICAL_SPECIFICATIONS: 'Planning and design', CONTRACT_SIGNED: 'Signed contract', PHYSICAL_PROGRESS_REPORT: 'Progress report', FINANCIAL_AUDIT_REPORT: 'Audit report', COMPLETION_CERTIFICATE: 'Completion acceptance', ILLUSTRATION: 'Site photos',
    contractTitle: 'Contract', contractNumber: 'Number', nature: 'Nature', status: 'Status', supplier: 'Supplier', originalValue: 'Value signed (10,000 yuan)', currentValue: 'Current value', signedOn: 'Signed on',
    startDate: 'Start', endDate: 'Agreed end', currentEndDate: 'Current end', addContract: 'Record a contract', noContracts: 'No contracts yet', variations: 'Variations', addVariation: 'Record a variation',
    kind: 'Kind', date: 'Date', reason: 'Reason', oldValue: 'Value before (10,000 yuan)', newValue: 'Value after (10,000 yuan)', oldEndDate: 'End before', newEndDate: 'End after', noVariations: 'No variations', recordedBy: 'Recorded by',
    DESIGN: 'Design', CONSTRUCTION: 'Construction', SUPERVISION: 'Supervision', PRE_AWARD: 'Being tendered', ACTIVE: 'Active', CLOSED: 'Closed', VALUE: 'Value', DURATION: 'Duration', SCOPE: 'Scope',
    complete: 'Record completion', completed: 'Completed', notCompleted: 'Not completed yet', completionDate: 'Completed on', finalCost: 'Final cost (10,000 yuan)', finalScope: 'Final scope', deviationReason: 'Why it differs',
    deviationHint: 'Needed when the cost differs from the total or the date is late', acceptance: 'Completion acceptance', plannedCost: 'Planned total', plannedEnd: 'Planned end', costDiff: 'Cost difference',
    oc4ids: 'OC4IDS open data', oc4idsHint: 'Download the OC4IDS 0.9 project package (JSON) of this area and year',
  },
};

export const DOCUMENT_TYPES: ProjectDocumentType[] = [
  'PROJECT_PLAN', 'FEASIBILITY_STUDY', 'BUDGET_APPROVAL', 'LAND_AND_SETTLEMENT_IMPACT', 'ENVIRONMENTAL_IMPACT', 'TECHNICAL_SPECIFICATIONS',
  'CONTRACT_SIGNED', 'PHYSICAL_PROGRESS_REPORT', 'FINANCIAL_AUDIT_REPORT', 'COMPLETION_CERTIFICATE', 'ILLUSTRATION',
];
