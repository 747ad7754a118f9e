import type { Messages } from '@kpd/web-kit';

type Key = 'open' | 'openHint' | 'openOn' | 'openOff' | 'publicFile' | 'publicFileHint';

export const openDataMessages: Messages<Key> = {
  zh: {
    open: '公开',
    openHint: '公开后，本项目出现在本区域免登录的 OC4IDS 开放数据文件中（不含联系人、电话；文件只公开批复和竣工验收的文号与日期，不附原件）',
    openOn: '已设为公开',
    openOff: '已取消公开',
    publicFile: '公开数据文件',
    publicFileHint: '免登录的 OC4IDS 0.9 文件：本区域该年度已设为公开的项目',
  },
  en: {
    open: 'Public',
    openHint: 'A public project is in its area’s OC4IDS open-data file, served without sign-in (no contacts or phones; of its documents only approvals and acceptance, as number and date, without files)',
    openOn: 'Now public',
    openOff: 'No longer public',
    publicFile: 'Public data file',
    publicFileHint: 'The OC4IDS 0.9 file served without sign-in: this area’s projects marked public for the year',
  },
};
