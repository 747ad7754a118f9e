import { creditCodeCheckCharacter } from '@kpd/domain';
import { CompanySize, LeadSource } from './investment.entity';

/**
 * The demo's company generator: deterministic (a seeded PRNG), so every run of the seed and every test sees
 * the same 1,000+ companies, each with a valid unified social credit code (GB 32100-2015) that no real
 * company is known to hold (the organisation code part is random).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Where target companies are: the place name and the division code their credit code carries. */
export const PLACES: Array<[string, string, string]> = [
  ['上海', '310115', '上海市浦东新区'],
  ['深圳', '440305', '深圳市南山区'],
  ['苏州', '320505', '苏州市虎丘区'],
  ['北京', '110108', '北京市海淀区'],
  ['杭州', '330108', '杭州市滨江区'],
  ['合肥', '340104', '合肥市蜀山区'],
  ['武汉', '420111', '武汉市洪山区'],
  ['成都', '510107', '成都市武侯区'],
  ['西安', '610113', '西安市雁塔区'],
  ['无锡', '320214', '无锡市新吴区'],
  ['广州', '440112', '广州市黄埔区'],
  ['天津', '120116', '天津市滨海新区'],
  ['南京', '320115', '南京市江宁区'],
  ['长春', '220104', '长春市朝阳区'],
  ['大连', '210211', '大连市甘井子区'],
];

const SYLLABLES = '华芯创联科瑞恒泰博达新中天宏睿晶源智成信安德盛海鼎微锐康和远'.split('');

export function creditCode(rand: () => number, division: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CODE_ALPHABET[Math.floor(rand() * (i < 8 ? 31 : 10))];
  const first17 = `91${division}${org}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface GeneratedCompany {
  creditCode: string;
  name: string;
  industry: string;
  size: CompanySize;
  location: string;
  source: LeadSource;
  tags: string[];
}

const SIZES: CompanySize[] = [CompanySize.LARGE, CompanySize.MEDIUM, CompanySize.MEDIUM, CompanySize.SMALL, CompanySize.SMALL, CompanySize.SMALL, CompanySize.MICRO];
const TARGET_SOURCES: LeadSource[] = [LeadSource.PLATFORM, LeadSource.PLATFORM, LeadSource.PLATFORM, LeadSource.PLATFORM, LeadSource.BUSINESS_REFERRAL, LeadSource.EXPO, LeadSource.VISIT];
const TAGS = ['专精特新', '高新技术企业', '上市公司', '独角兽', '行业龙头', '拟上市', '外资'];

/** `count` companies of one industry: names from the place, two syllables and the industry's word; codes unique. */
export function generateCompanies(
  rand: () => number,
  count: number,
  industry: { name: string; words: string[] },
  taken: { codes: Set<string>; names: Set<string> },
  place?: [string, string, string],
): GeneratedCompany[] {
  const out: GeneratedCompany[] = [];
  while (out.length < count) {
    const [city, division, location] = place ?? PLACES[Math.floor(rand() * PLACES.length)];
    const brand = SYLLABLES[Math.floor(rand() * SYLLABLES.length)] + SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    const word = industry.words[Math.floor(rand() * industry.words.length)];
    const name = `${city}${brand}${word}有限公司`;
    const code = creditCode(rand, division);
    if (taken.names.has(name) || taken.codes.has(code)) continue;
    taken.names.add(name);
    taken.codes.add(code);
    const tags = TAGS.filter(() => rand() < 0.12).slice(0, 2);
    out.push({
      creditCode: code,
      name,
      industry: industry.name,
      size: SIZES[Math.floor(rand() * SIZES.length)],
      location,
      source: TARGET_SOURCES[Math.floor(rand() * TARGET_SOURCES.length)],
      tags,
    });
  }
  return out;
}
