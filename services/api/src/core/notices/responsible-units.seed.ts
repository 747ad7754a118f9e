import type { SeedContext } from '../module';
import { ResponsibleUnit } from './responsible-unit.entity';

/**
 * Demo directory: 苏家屯区's departments and the power company that own its problems (report 000), and
 * two of 沈阳市's; contacts and numbers are made up. 苏家屯区征收办 is listed but disabled.
 */
const UNITS: { area: string; name: string; contactName: string; phone: string; enabled?: boolean }[] = [
  { area: '苏家屯区', name: '苏家屯区自然资源分局', contactName: '王振宇', phone: '13904181001' },
  { area: '苏家屯区', name: '国网沈阳供电公司苏家屯分公司', contactName: '刘海涛', phone: '13904181002' },
  { area: '苏家屯区', name: '苏家屯区财政局', contactName: '赵丽娜', phone: '13904181003' },
  { area: '苏家屯区', name: '苏家屯区水务局', contactName: '孙立军', phone: '13904181004' },
  { area: '苏家屯区', name: '苏家屯区行政审批局', contactName: '陈晓东', phone: '13904181005' },
  { area: '苏家屯区', name: '苏家屯区征收办', contactName: '周建华', phone: '13904181006', enabled: false },
  { area: '沈阳市', name: '沈阳市自然资源局', contactName: '李明哲', phone: '13904181007' },
  { area: '沈阳市', name: '国网沈阳供电公司', contactName: '张志刚', phone: '13904181008' },
];

export async function seedResponsibleUnits(seed: SeedContext): Promise<void> {
  await seed.em.save(
    ResponsibleUnit,
    UNITS.map((u) => seed.em.create(ResponsibleUnit, { areaId: seed.area(u.area).id, name: u.name, contactName: u.contactName, phone: u.phone, enabled: u.enabled ?? true, createdBy: u.area === '沈阳市' ? 'admin.shenyang' : 'admin.sujiatun' })),
  );
}
