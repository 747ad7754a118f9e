import type { Messages } from '@kpd/web-kit';

type Key =
  | 'newItem' | 'editItem' | 'edit' | 'save' | 'cancel' | 'district' | 'implementationCode' | 'basicCode' | 'name' | 'type' | 'department'
  | 'byApplication' | 'onlineDepth' | 'visits' | 'visitsReason' | 'visitsReasonRule' | 'caseKind' | 'IMMEDIATE' | 'PROMISED' | 'legalLimitDays' | 'promisedLimitDays'
  | 'materialsNow' | 'materialsBefore' | 'fee' | 'feeHint' | 'highFrequency' | 'legalBasis' | 'zone' | 'noZone' | 'status' | 'IN_USE' | 'SUSPENDED' | 'CANCELLED'
  | 'required' | 'days' | 'created' | 'saved' | 'conflict' | 'reopen' | 'feeRule'
  | 'hall' | 'hallTitle' | 'zones' | 'zoneName' | 'windows' | 'windowNumber' | 'windowName' | 'addWindow' | 'addZone' | 'removeWindow' | 'zoneSaved' | 'itemCount'
  | 'baseline' | 'baselineHint' | 'takenOn' | 'windowsBefore' | 'baselineSaved' | 'noBaseline' | 'baselineNow' | 'chooseDistrict';

export const editMessages: Messages<Key> = {
  zh: {
    newItem: '新增事项', editItem: '编辑事项', edit: '编辑', save: '保存', cancel: '取消', district: '所属区县',
    implementationCode: '实施编码', basicCode: '基本编码', name: '事项名称', type: '事项类型', department: '实施部门',
    byApplication: '依申请事项', onlineDepth: '网办深度', visits: '到现场次数', visitsReason: '到现场理由',
    visitsReasonRule: '需要到现场的事项请写明理由', caseKind: '办件类型', IMMEDIATE: '即办件', PROMISED: '承诺件',
    legalLimitDays: '法定时限（工作日）', promisedLimitDays: '承诺时限（工作日）', materialsNow: '现申请材料数', materialsBefore: '改革前申请材料数',
    fee: '收费标准（元）', feeHint: '不收费请留空', highFrequency: '高频事项', legalBasis: '设定依据', zone: '受理功能区', noZone: '未分区',
    status: '状态', IN_USE: '在用', SUSPENDED: '暂停', CANCELLED: '取消',
    required: '请填写{field}', days: '{n} 个工作日', created: '事项已新增', saved: '事项已保存',
    conflict: '有人在您打开之后修改了这个事项，您的修改没有保存。', reopen: '重新打开最新内容', feeRule: '请输入不小于 0 的金额（元），最多两位小数',
    hall: '窗口与基数', hallTitle: '{name} · 综合受理功能区与窗口', zones: '功能区', zoneName: '功能区名称', windows: '窗口',
    windowNumber: '窗口号', windowName: '窗口名称', addWindow: '添加窗口', addZone: '新增功能区', removeWindow: '删除', zoneSaved: '功能区已保存', itemCount: '受理事项 {n} 项',
    baseline: '改革前基数', baselineHint: '改革前的窗口数，用于计算窗口压减比例。', takenOn: '基数日期', windowsBefore: '改革前窗口数',
    baselineSaved: '改革前基数已保存', noBaseline: '尚未填报', baselineNow: '当前：{date} 改革前 {n} 个窗口', chooseDistrict: '请先选择区县',
  },
  en: {
    newItem: 'New item', editItem: 'Edit item', edit: 'Edit', save: 'Save', cancel: 'Cancel', district: 'District',
    implementationCode: 'Implementation code', basicCode: 'Basic code', name: 'Name', type: 'Type', department: 'Department',
    byApplication: 'By application', onlineDepth: 'Online depth', visits: 'On-site visits', visitsReason: 'Why a visit',
    visitsReasonRule: 'Say why the applicant must come', caseKind: 'Case kind', IMMEDIATE: 'Immediate', PROMISED: 'Promised',
    legalLimitDays: 'Legal limit (working days)', promisedLimitDays: 'Promised limit (working days)', materialsNow: 'Materials now', materialsBefore: 'Materials before the reform',
    fee: 'Fee (yuan)', feeHint: 'Empty when free', highFrequency: 'High-frequency', legalBasis: 'Legal basis', zone: 'Zone', noZone: 'No zone',
    status: 'Status', IN_USE: 'In use', SUSPENDED: 'Suspended', CANCELLED: 'Cancelled',
    required: 'Enter the {field}', days: '{n} working days', created: 'Item added', saved: 'Item saved',
    conflict: 'Someone changed this item since you opened it; your changes were not saved.', reopen: 'Open the latest', feeRule: 'An amount of 0 or more, at most two decimals',
    hall: 'Windows and baseline', hallTitle: '{name} · zones and windows', zones: 'Zones', zoneName: 'Zone name', windows: 'Windows',
    windowNumber: 'Window no.', windowName: 'Window name', addWindow: 'Add a window', addZone: 'Add a zone', removeWindow: 'Remove', zoneSaved: 'Zone saved', itemCount: '{n} items accepted',
    baseline: 'Baseline before the reform', baselineHint: 'Windows before the reform, for the reduction rate.', takenOn: 'Date', windowsBefore: 'Windows before',
    baselineSaved: 'Baseline saved', noBaseline: 'Not recorded', baselineNow: 'Now: {date}, {n} windows before', chooseDistrict: 'Choose a district first',
  },
};
