// The routing reasons a clerk reads: the territorial (属地) one names each place once, the subject (属事) one is a
// plain sentence in the same form. Pure: routing data built by hand.
import { describe, expect, it } from 'vitest';
import { suggestRouting, type RoutingData } from '../src/analysis/routing';

type Unit = RoutingData['units'][number];
type Jurisdiction = RoutingData['jurisdictionByCode'] extends Map<string, infer J> ? J : never;

const jurisdictions: Jurisdiction[] = [
  { code: '339902', name: '江屿区', parentCode: null, level: 'county' },
  { code: '339902101', name: '沙洲镇', parentCode: '339902', level: 'town' },
  { code: '339902101201', name: '长塘村', parentCode: '339902101', level: 'village' },
  // A town whose government's name does not name it.
  { code: '339902102', name: '渡口镇', parentCode: '339902', level: 'town' },
  { code: '339902102201', name: '青石村', parentCode: '339902102', level: 'village' },
];
const unit = (id: string, name: string, jurisdictionCode: string, kind: string, domains: string[] = []): Unit => ({
  id,
  name,
  jurisdictionCode,
  kind,
  domains,
  active: true,
  createdAt: new Date(0),
});
const units = [
  unit('district-office', '江屿区信访局', '339902', 'petitionOffice'),
  unit('shazhou', '沙洲镇人民政府', '339902101', 'townGovernment'),
  unit('dukou', '渡口片区管理委员会', '339902102', 'townGovernment'),
  unit('district-labor', '江屿区人力资源和社会保障局', '339902', 'department', ['labor']),
  // A department whose name does not name its jurisdiction.
  unit('district-farming', '农业农村局', '339902', 'department', ['agriculture']),
];
const routingData = (rules: [string, string | null][] = []): RoutingData => ({
  units,
  unitById: new Map(units.map((u) => [u.id, u])),
  jurisdictionByCode: new Map(jurisdictions.map((j) => [j.code, j])),
  jurisdictionsByName: new Map(jurisdictions.map((j) => [j.name, [j]])),
  rules: new Map(rules),
});
const data = routingData();

const reasonFor = (places: string[], jurisdictionCode = '339902') =>
  suggestRouting(data, { domain: 'agriculture', jurisdictionCode, places, scope: { category: 'claim', respondentUnitIds: [] } }).territorial?.reason;

describe('the territorial routing reason', () => {
  it('does not say a place lies in itself when the place is the jurisdiction', () => {
    expect(reasonFor(['沙洲镇'])).toEqual({
      zh: '事发地为“沙洲镇”，由沙洲镇人民政府属地负责',
      en: 'The place is "沙洲镇"; 沙洲镇人民政府 is responsible for that territory',
    });
  });

  it('names the larger jurisdiction once when a village without a unit of its own goes to its town', () => {
    expect(reasonFor(['长塘村'])).toEqual({
      zh: '事发地“长塘村”属沙洲镇，由沙洲镇人民政府属地负责',
      en: 'The place "长塘村" is in 沙洲镇; 沙洲镇人民政府 is responsible for that territory',
    });
  });

  it('keeps naming both a place inside a jurisdiction and the jurisdiction', () => {
    expect(reasonFor(['沙洲镇渡口路'])).toEqual({
      zh: '事发地“沙洲镇渡口路”位于沙洲镇，由沙洲镇人民政府属地负责',
      en: 'The place "沙洲镇渡口路" lies in 沙洲镇; 沙洲镇人民政府 is responsible for that territory',
    });
    // The unit's name says its jurisdiction: not said again in brackets (was …人民政府属地负责（沙洲镇）).
    expect(reasonFor(['长塘村三组'])).toEqual({
      zh: '事发地“长塘村三组”位于长塘村，由沙洲镇人民政府属地负责',
      en: 'The place "长塘村三组" lies in 长塘村; 沙洲镇人民政府 is responsible for that territory',
    });
  });

  it('names the registered place once, and the unit’s jurisdiction only when it is another', () => {
    expect(reasonFor([])).toEqual({
      zh: '登记的事发地为江屿区，由江屿区信访局属地负责',
      en: 'The matter is registered in 江屿区; 江屿区信访局 is responsible for that territory',
    });
    expect(reasonFor([], '339902101201')).toEqual({
      zh: '登记的事发地为长塘村，由沙洲镇人民政府属地负责',
      en: 'The matter is registered in 长塘村; 沙洲镇人民政府 is responsible for that territory',
    });
  });

  it('says when no place is chosen yet, instead of calling the office’s own the registered place', () => {
    const draft = suggestRouting(data, { domain: 'agriculture', jurisdictionCode: '339902', placeChosen: false, places: [], scope: { category: 'claim', respondentUnitIds: [] } });
    expect(draft.territorial?.reason).toEqual({
      zh: '尚未选择发生地，暂按登记机构所在的江屿区，由江屿区信访局属地负责',
      en: 'No place chosen yet, so 江屿区, where it is being registered; 江屿区信访局 is responsible for that territory',
    });
    // A place the text names still speaks for itself.
    const named = suggestRouting(data, { domain: 'agriculture', jurisdictionCode: '339902', placeChosen: false, places: ['沙洲镇'], scope: { category: 'claim', respondentUnitIds: [] } });
    expect(named.territorial?.reason.zh).toBe('事发地为“沙洲镇”，由沙洲镇人民政府属地负责');
  });

  it('adds the unit’s jurisdiction in brackets only when neither the sentence nor the unit’s name says it', () => {
    expect(reasonFor([], '339902102201')).toEqual({
      zh: '登记的事发地为青石村，由渡口片区管理委员会属地负责（渡口镇）',
      en: 'The matter is registered in 青石村; 渡口片区管理委员会 is responsible for that territory (渡口镇)',
    });
    expect(reasonFor(['青石村三组'])).toEqual({
      zh: '事发地“青石村三组”位于青石村，由渡口片区管理委员会属地负责（渡口镇）',
      en: 'The place "青石村三组" lies in 青石村; 渡口片区管理委员会 is responsible for that territory (渡口镇)',
    });
    expect(reasonFor(['青石村'])).toEqual({
      zh: '事发地“青石村”属渡口镇，由渡口片区管理委员会属地负责',
      en: 'The place "青石村" is in 渡口镇; 渡口片区管理委员会 is responsible for that territory',
    });
  });
});

const subjectFor = (domain: string, places: string[], rules: [string, string | null][] = []) =>
  suggestRouting(routingData(rules), { domain, jurisdictionCode: '339902', places, scope: { category: 'claim', respondentUnitIds: [] } }).subject?.reason;

describe('the subject routing reason', () => {
  it('says the domain and the department whose field it is, as a sentence, without a bracket', () => {
    // Was 劳动保障（欠薪）类事项属江屿区人力资源和社会保障局职责范围（单位职能，江屿区）.
    expect(subjectFor('labor', ['沙洲镇'])).toEqual({
      zh: '领域为“劳动保障（欠薪）”，由主管部门江屿区人力资源和社会保障局属事负责',
      en: 'The domain is "Labour & wages"; 江屿区人力资源和社会保障局 is the department responsible for that field',
    });
  });

  it('names the department’s jurisdiction only when its name does not', () => {
    expect(subjectFor('agriculture', ['长塘村'])).toEqual({
      zh: '领域为“农业农村”，由江屿区主管部门农业农村局属事负责',
      en: 'The domain is "Agriculture"; 农业农村局 is the department of 江屿区 responsible for that field',
    });
  });

  it('says when an admin’s routing rule chose the unit, naming the rule’s jurisdiction when the unit’s name does not', () => {
    // Was 劳动保障（欠薪）类事项由江屿区人力资源和社会保障局主管（江屿区属事规则）.
    expect(subjectFor('labor', ['沙洲镇'], [['339902|labor', 'district-labor']])).toEqual({
      zh: '领域为“劳动保障（欠薪）”，按属事规则由江屿区人力资源和社会保障局负责',
      en: 'The domain is "Labour & wages"; under the routing rule, 江屿区人力资源和社会保障局 is responsible for that field',
    });
    // A town's rule sends its matters to the district's department.
    expect(subjectFor('labor', ['沙洲镇'], [['339902101|labor', 'district-labor']])).toEqual({
      zh: '领域为“劳动保障（欠薪）”，按沙洲镇属事规则由江屿区人力资源和社会保障局负责',
      en: 'The domain is "Labour & wages"; under the routing rule for 沙洲镇, 江屿区人力资源和社会保障局 is responsible for that field',
    });
  });

  it('has no bracket in either language, whichever way the unit was found', () => {
    const reasons = [
      subjectFor('labor', []),
      subjectFor('agriculture', []),
      subjectFor('labor', [], [['339902|labor', 'district-labor']]),
      subjectFor('agriculture', ['沙洲镇'], [['339902101|agriculture', 'district-farming']]),
    ];
    for (const r of reasons) {
      expect(r).toBeDefined();
      // The domain's own name may hold one (劳动保障（欠薪）); the sentence adds none.
      expect(r?.zh.replace('（欠薪）', ''), r?.zh).not.toMatch(/[（）()]/);
      expect(r?.en, r?.en).not.toMatch(/[（）()]/);
    }
  });
});
