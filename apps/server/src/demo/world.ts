// The demo world: the invented city 青川市 (code prefix 3399, which no real division uses), its three
// county-level divisions, their streets/towns/townships and villages/communities, the units that handle
// petitions, and the staff who log in. Pure data, the same on every call.

import { createRng } from './random';
import { fullName, makePerson } from './pools';
import type { Domain, Jurisdiction, JurisdictionKind, Unit, User, World } from './types';

export const CITY_CODE = '339900';
export const CITY_NAME = '青川市';

interface CountySpec {
  code: string;
  name: string;
  kind: Extract<JurisdictionKind, 'district' | 'county' | 'countyCity'>;
  /** Used in unit ids and usernames. */
  slug: string;
  towns: readonly (readonly [string, string])[]; // [3-digit suffix, name]
}

const COUNTIES: readonly CountySpec[] = [
  {
    code: '339902',
    name: '江屿区',
    kind: 'district',
    slug: 'jy',
    towns: [
      ['001', '临江街道'],
      ['002', '望潮街道'],
      ['003', '新桥街道'],
      ['004', '锦屏街道'],
      ['005', '翠湖街道'],
      ['006', '东港街道'],
      ['007', '南浦街道'],
      ['008', '云岭街道'],
      ['101', '沙洲镇'],
      ['102', '白鹭镇'],
    ],
  },
  {
    code: '339921',
    name: '槐山县',
    kind: 'county',
    slug: 'hs',
    towns: [
      ['001', '凤鸣街道'],
      ['002', '槐荫街道'],
      ['101', '石桥镇'],
      ['102', '金沟镇'],
      ['103', '柳河镇'],
      ['104', '龙湾镇'],
      ['105', '黄坡镇'],
      ['201', '杏花乡'],
      ['202', '大岭乡'],
      ['203', '清泉乡'],
    ],
  },
  {
    code: '339981',
    name: '枫岭市',
    kind: 'countyCity',
    slug: 'fl',
    towns: [
      ['001', '岭东街道'],
      ['002', '岭西街道'],
      ['003', '丹桂街道'],
      ['004', '玉屏街道'],
      ['101', '双河镇'],
      ['102', '青埠镇'],
      ['103', '茶坪镇'],
      ['104', '马鞍镇'],
      ['105', '渡口镇'],
      ['201', '松坪乡'],
    ],
  },
];

const COMMUNITY_NAMES = [
  '滨河',
  '江岸',
  '朝阳',
  '新华',
  '文昌',
  '育才',
  '桂园',
  '锦华',
  '翠竹',
  '港湾',
  '南苑',
  '北苑',
  '幸福',
  '和平',
  '建设',
  '春晖',
  '长乐',
  '双井',
  '枫林',
  '金桂',
  '玉泉',
  '紫薇',
  '秀峰',
  '槐花',
  '青年',
  '民主',
  '胜利',
  '光明',
  '花园',
  '团结',
  '东风',
  '前进',
  '友谊',
  '康宁',
  '泰和',
  '华苑',
  '书院',
  '秀水',
  '松柏',
  '兴隆',
  '府前',
  '沿江',
];

const VILLAGE_NAMES = [
  '东岗',
  '西岗',
  '杏树湾',
  '马家沟',
  '刘家坪',
  '石门',
  '龙泉',
  '黄土岭',
  '白杨',
  '柿子沟',
  '梨花',
  '三里桥',
  '五里铺',
  '七星',
  '九龙',
  '新丰',
  '中和',
  '上坪',
  '下坪',
  '陈家堡',
  '周家湾',
  '张家台',
  '吴家坝',
  '何家寨',
  '赵庄',
  '孙家店',
  '柳林',
  '槐树坪',
  '青龙',
  '白龙潭',
  '金鸡',
  '凤凰岭',
  '竹园',
  '茶园',
  '桑园',
  '莲花',
  '荷塘',
  '松林',
  '古井',
  '老鸦山',
  '双庙',
  '大湾',
  '小湾',
  '沙坡',
  '河口',
  '渡头',
  '田坝',
  '长岭',
  '石板',
  '牛角',
  '桃花坞',
  '红星',
  '光辉',
  '先锋',
  '永丰',
  '鹿鸣',
  '樟树',
];

/** The county-level departments every county has, with the domains they handle. */
const COUNTY_DEPARTMENTS: readonly (readonly [string, string, Domain[]])[] = [
  ['hrss', '人力资源和社会保障局', ['labor', 'socialSecurity']],
  ['housing', '住房和城乡建设局', ['housing', 'urbanConstruction', 'propertyManagement']],
  ['land', '自然资源局', ['land']],
  ['edu', '教育局', ['education']],
];

const CITY_DEPARTMENTS: readonly (readonly [string, string, Domain[]])[] = [
  ['hrss', '人力资源和社会保障局', ['labor', 'socialSecurity']],
  ['housing', '住房和城乡建设局', ['housing', 'urbanConstruction', 'propertyManagement']],
  ['land', '自然资源和规划局', ['land']],
  ['edu', '教育局', ['education']],
  ['health', '卫生健康委员会', ['health']],
  ['env', '生态环境局', ['environment']],
  ['agri', '农业农村局', ['agriculture']],
  ['civil', '民政局', ['socialSecurity']],
  ['urban', '城市管理局', ['urbanConstruction']],
  ['justice', '司法局', ['legal']],
];

/** Towns that have a town government unit of their own in the demo: [town code, slug]. */
const TOWN_UNITS: readonly (readonly [string, string])[] = [
  ['339902001', 'linjiang'],
  ['339902101', 'shazhou'],
  ['339921101', 'shiqiao'],
  ['339921103', 'liuhe'],
  ['339981001', 'lingdong'],
  ['339981101', 'shuanghe'],
];

const TOWN_DOMAINS: Domain[] = ['agriculture', 'urbanConstruction', 'other'];

function townKind(suffix: string): Extract<JurisdictionKind, 'street' | 'town' | 'township'> {
  if (suffix.startsWith('0')) return 'street';
  if (suffix.startsWith('1')) return 'town';
  return 'township';
}

/** "石桥镇" -> "石桥": the stem used to name the seat community of a town. */
function stem(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

function buildJurisdictions(): Jurisdiction[] {
  const out: Jurisdiction[] = [
    { code: CITY_CODE, name: CITY_NAME, level: 'city', kind: 'city', parentCode: null },
  ];
  let communityIndex = 0;
  let villageIndex = 0;
  const nextCommunity = (): string => {
    const n = COMMUNITY_NAMES[communityIndex++ % COMMUNITY_NAMES.length] as string;
    return `${n}社区`;
  };
  const nextVillage = (): string => {
    const n = VILLAGE_NAMES[villageIndex++ % VILLAGE_NAMES.length] as string;
    return `${n}村`;
  };
  for (const county of COUNTIES) {
    out.push({
      code: county.code,
      name: county.name,
      level: 'county',
      kind: county.kind,
      parentCode: CITY_CODE,
    });
    for (const [suffix, name] of county.towns) {
      const code = county.code + suffix;
      const kind = townKind(suffix);
      out.push({ code, name, level: 'town', kind, parentCode: county.code });
      const children: [string, string, 'community' | 'village'][] = [];
      if (kind === 'street') {
        for (let i = 1; i <= 3; i++) children.push([`00${i}`, nextCommunity(), 'community']);
      } else {
        children.push(['001', `${stem(name)}社区`, 'community']);
        const villages = kind === 'township' ? 4 : 3;
        for (let i = 1; i <= villages; i++)
          children.push([`2${String(i).padStart(2, '0')}`, nextVillage(), 'village']);
      }
      for (const [childSuffix, childName, childKind] of children) {
        out.push({
          code: code + childSuffix,
          name: childName,
          level: 'village',
          kind: childKind,
          parentCode: code,
        });
      }
    }
  }
  return out;
}

function buildUnits(jurisdictions: readonly Jurisdiction[]): Unit[] {
  const units: Unit[] = [
    {
      id: 'u-city-office',
      name: '青川市信访局',
      jurisdictionCode: CITY_CODE,
      kind: 'petitionOffice',
      domains: ['other'],
    },
  ];
  for (const county of COUNTIES) {
    units.push({
      id: `u-${county.slug}-office`,
      name: `${county.name}信访局`,
      jurisdictionCode: county.code,
      kind: 'petitionOffice',
      domains: ['other'],
    });
  }
  for (const [slug, name, domains] of CITY_DEPARTMENTS) {
    units.push({
      id: `u-city-${slug}`,
      name: `${CITY_NAME}${name}`,
      jurisdictionCode: CITY_CODE,
      kind: 'department',
      domains,
    });
  }
  for (const county of COUNTIES) {
    for (const [slug, name, domains] of COUNTY_DEPARTMENTS) {
      units.push({
        id: `u-${county.slug}-${slug}`,
        name: `${county.name}${name}`,
        jurisdictionCode: county.code,
        kind: 'department',
        domains,
      });
    }
  }
  for (const [code, slug] of TOWN_UNITS) {
    const town = jurisdictions.find((j) => j.code === code);
    if (town === undefined) throw new Error(`town ${code} missing from the demo world`);
    const name = town.kind === 'street' ? `${town.name}办事处` : `${town.name}人民政府`;
    units.push({
      id: `u-town-${slug}`,
      name,
      jurisdictionCode: code,
      kind: 'townGovernment',
      domains: TOWN_DOMAINS,
    });
  }
  units.push({
    id: 'u-city-discipline',
    name: '青川市纪委监委',
    jurisdictionCode: CITY_CODE,
    kind: 'discipline',
    domains: [],
  });
  return units;
}

function buildUsers(units: readonly Unit[], jurisdictions: readonly Jurisdiction[]): User[] {
  const rng = createRng('world-users');
  const used = new Set<string>();
  const name = (): string => {
    for (;;) {
      const n = fullName(makePerson(rng, rng.int(28, 56)));
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const users: User[] = [];
  const add = (
    username: string,
    role: User['role'],
    unitId: string | null,
    jurisdictionCode: string,
  ): void => {
    users.push({ username, displayName: name(), role, unitId, jurisdictionCode });
  };

  // The well-known demo accounts.
  add('admin', 'admin', null, CITY_CODE);
  add('clerk', 'clerk', 'u-city-office', CITY_CODE);
  add('handler', 'handler', 'u-city-hrss', CITY_CODE);
  add('leader', 'leader', null, CITY_CODE);
  add('supervisor', 'supervisor', 'u-city-office', CITY_CODE);
  add('agent', 'proxyAgent', null, '339902001001');
  add('agent2', 'proxyAgent', null, firstVillage(jurisdictions, '339921101'));

  add('city-office-head', 'unitHead', 'u-city-office', CITY_CODE);
  for (const county of COUNTIES) {
    const office = `u-${county.slug}-office`;
    add(`${county.slug}-clerk`, 'clerk', office, county.code);
    add(`${county.slug}-supervisor`, 'supervisor', office, county.code);
    add(`${county.slug}-office-head`, 'unitHead', office, county.code);
    add(`${county.slug}-leader`, 'leader', null, county.code);
  }
  for (const unit of units) {
    if (unit.kind === 'petitionOffice') continue;
    const slug = unit.id.replace(/^u-/, '');
    if (unit.id !== 'u-city-hrss') add(`${slug}-handler`, 'handler', unit.id, unit.jurisdictionCode);
    add(`${slug}-head`, 'unitHead', unit.id, unit.jurisdictionCode);
  }
  return users;
}

function firstVillage(jurisdictions: readonly Jurisdiction[], townCode: string): string {
  const v = jurisdictions.find((j) => j.parentCode === townCode && j.kind === 'village');
  if (v === undefined) throw new Error(`no village under ${townCode}`);
  return v.code;
}

let cached: World | undefined;

/** The demo world. Deterministic; each call returns a fresh deep copy, so callers may mutate it. */
export function buildWorld(): World {
  if (cached === undefined) {
    const jurisdictions = buildJurisdictions();
    const units = buildUnits(jurisdictions);
    const users = buildUsers(units, jurisdictions);
    cached = { city: jurisdictions[0] as Jurisdiction, jurisdictions, units, users };
  }
  return structuredClone(cached);
}

/** The county slug ('jy', 'hs', 'fl') of a county code, for unit ids like `u-${slug}-hrss`. */
export function countySlug(countyCode: string): string {
  const c = COUNTIES.find((x) => x.code === countyCode);
  if (c === undefined) throw new Error(`unknown county ${countyCode}`);
  return c.slug;
}

/** The title of a county's head of government, as petitioners address it in letters. */
export function countyHeadTitle(kind: JurisdictionKind): string {
  switch (kind) {
    case 'district':
      return '区长';
    case 'county':
      return '县长';
    case 'countyCity':
      return '市长';
    default:
      return '领导';
  }
}
