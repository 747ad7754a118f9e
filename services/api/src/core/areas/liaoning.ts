import { AreaKind } from './area.entity';

/**
 * The administrative areas the source reports name, with their division codes: Liaoning province;
 * Shenyang with its districts and counties (苏家屯区, 大东区 …); Dalian (中山区 … 大连高新区);
 * Fuxin with its districts, counties and a few townships (韩家店镇 …); the Shenfu demonstration zone.
 * Zones without an official code, and townships, carry none here.
 */
export interface AreaSeed {
  name: string;
  kind: AreaKind;
  code?: string;
  children?: AreaSeed[];
}

const d = (name: string, code: string | undefined, kind: AreaKind, children?: AreaSeed[]): AreaSeed => ({
  name,
  code,
  kind,
  children,
});
const D = AreaKind.URBAN_DISTRICT;
const C = AreaKind.COUNTY;
const CC = AreaKind.COUNTY_LEVEL_CITY;
const Z = AreaKind.DEVELOPMENT_ZONE;
const S = AreaKind.SUBDISTRICT;
const T = AreaKind.TOWN;

export const LIAONING: AreaSeed = d('辽宁省', '210000', AreaKind.PROVINCE, [
  d('沈阳市', '210100', AreaKind.CITY, [
    d('和平区', '210102', D),
    d('沈河区', '210103', D),
    d('大东区', '210104', D),
    d('皇姑区', '210105', D),
    d('铁西区', '210106', D),
    d('苏家屯区', '210111', D, [d('临湖街道', undefined, S), d('沙河街道', undefined, S)]),
    d('浑南区', '210112', D),
    d('沈北新区', '210113', D),
    d('于洪区', '210114', D),
    d('辽中区', '210115', D),
    d('康平县', '210123', C),
    d('法库县', '210124', C),
    d('新民市', '210181', CC),
  ]),
  d('大连市', '210200', AreaKind.CITY, [
    d('中山区', '210202', D, [d('东港街道', undefined, S)]),
    d('西岗区', '210203', D, [d('站北街道', undefined, S)]),
    d('沙河口区', '210204', D, [d('春柳街道', undefined, S), d('白山路街道', undefined, S)]),
    d('甘井子区', '210211', D, [d('大连湾街道', undefined, S)]),
    d('旅顺口区', '210212', D),
    d('金州区（金普新区）', '210213', D, [d('拥政街道', undefined, S)]),
    d('普兰店区', '210214', D),
    d('瓦房店市', '210281', CC),
    d('庄河市', '210283', CC),
    d('长海县', '210224', C),
    d('大连高新区', undefined, Z, [d('凌水街道', undefined, S)]),
  ]),
  d('阜新市', '210900', AreaKind.CITY, [
    d('海州区', '210902', D, [d('韩家店镇', undefined, T), d('站前街道', undefined, S)]),
    d('新邱区', '210903', D),
    d('太平区', '210904', D),
    d('清河门区', '210905', D),
    d('细河区', '210911', D),
    d('阜新蒙古族自治县', '210921', C, [d('阜新镇', undefined, T)]),
    d('彰武县', '210922', C, [d('彰武镇', undefined, T)]),
  ]),
  // 省直管 (province-run): its one district-level area, 沈抚新城 (the new town the zone grew from), holds its key projects.
  d('沈抚改革创新示范区', undefined, AreaKind.DEMONSTRATION_ZONE, [d('沈抚新城', undefined, Z)]),
]);
