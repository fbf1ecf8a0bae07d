import { describe, expect, it } from 'vitest';
import {
  CONCEPT_NAMES,
  DEFAULT_PAIR_MODEL,
  PAIR_FEATURES,
  candidateKeys,
  conceptLabel,
  concepts,
  extractEntities,
  fingerprint,
  groupDuplicates,
  respondentKey,
  idfFrom,
  mayNameUnit,
  unitNameForms,
  respondentLabel,
  normalise,
  similarity,
  sortedHashes,
  weightedCosine,
} from '../../src/text/index';
import { pairwiseScores } from '../../src/text/evaluate';

describe('respondent keys', () => {
  it.each([
    // A company: its trade name, and its line of business when the name says it (one line under several words).
    ['恒远建设工程有限公司', '恒远·建设'],
    ['青川市恒远建设工程有限公司', '恒远·建设'],
    ['恒遠建設工程有限責任公司', '恒远·建设'],
    ['恒远公司', '恒远'],
    ['鑫泰物业服务有限公司', '鑫泰·物业'],
    ['华泰集团', '华泰'],
    ['清河市第二人民医院', '第二人民医院'],
    ['东湖区人民法院', '东湖区人民法院'],
    ['华鑫服饰厂', '华鑫·纺织'],
    ['恒泰建筑公司', '恒泰·建设'],
    ['瑞泰置业', '瑞泰·地产'],
    ['瑞泰房地产开发有限公司', '瑞泰·地产'],
    ['南岭县鑫瑞种业有限公司', '鑫瑞·农业'],
    ['西山县恒鑫石材厂', '恒鑫·建材'],
    ['远航纺织有限公司', '远航·纺织'],
    ['远航塑料制品有限公司', '远航·塑料'],
    ['泰安建筑劳务有限公司', '泰安·建设'],
    ['泰安劳务公司', '泰安·建设'],
    ['永顺实业发展有限公司', '永顺'],
    // A registered name is a name even where a text would read its trade name as speech (祥和: 和 ends speech).
    ['青川市祥和建筑劳务有限公司', '祥和·建设'],
    ['盛源建工集团有限公司', '盛源·建设'],
    ['恒通养殖专业合作社', '恒通·农业'],
    ['德润果蔬专业合作社', '德润·农业'],
    // An official by post: as a text names one.
    ['杏树湾村党支部书记曾某', '曾某@书记'],
    // One education bureau per county: two respondents, not one; the city before the district changes nothing.
    ['江屿区教育局', '江屿区教育局'],
    ['槐山县教育局', '槐山县教育局'],
    ['青川市江屿区教育局', '江屿区教育局'],
    ['青川市教育局', '青川市教育局'],
  ])('%s -> %s', (name, key) => {
    expect(respondentKey(name)).toBe(key);
  });

  it('tells which of our units a typed respondent may be', () => {
    expect(mayNameUnit('青川市临江区人力资源和社会保障局', '临江区人力资源和社会保障局')).toBe(true);
    expect(mayNameUnit('人力资源和社会保障局', '临江区人力资源和社会保障局')).toBe(true); // any county's
    expect(mayNameUnit('临江区人力资源和社会保障局', '青川市人力资源和社会保障局')).toBe(false);
    expect(mayNameUnit('临江区住房和城乡建设局', '临江区人力资源和社会保障局')).toBe(false);
    // Short names of departments, after the same region or with none.
    expect(mayNameUnit('青川市人社局', '青川市人力资源和社会保障局')).toBe(true);
    expect(mayNameUnit('临江区人社局', '临江区人力资源和社会保障局')).toBe(true);
    expect(mayNameUnit('人社局', '临江区人力资源和社会保障局')).toBe(true);
    expect(mayNameUnit('临江区人社局', '青川市人力资源和社会保障局')).toBe(false);
    expect(mayNameUnit('青川市住建局', '青川市人力资源和社会保障局')).toBe(false);
    expect(mayNameUnit('青川市卫健委', '青川市卫生健康委员会')).toBe(true);
    expect(unitNameForms('青川市自然资源和规划局')).toEqual(['青川市自然资源和规划局', '青川市自然资源局', '青川市自规局', '青川市资规局']);
    expect(unitNameForms('青川市信访局')).toEqual(['青川市信访局', '青川市信访办']);
    expect(unitNameForms('青川市人民政府')).toEqual(['青川市人民政府']);
    // No short name stands for two departments (an accusation keeps one unit from the petition).
    const departments = ['人力资源和社会保障局', '住房和城乡建设局', '自然资源和规划局', '卫生健康委员会', '卫生健康局', '生态环境局', '农业农村局', '城市管理局', '综合行政执法局', '市场监督管理局', '交通运输局', '文化和旅游局', '文化广电旅游局', '医疗保障局', '退役军人事务局', '应急管理局', '发展和改革委员会', '发展和改革局', '行政审批服务局', '纪委监委'];
    const shorts = departments.flatMap((d) => unitNameForms(`临江区${d}`).slice(1));
    expect(shorts.length).toBeGreaterThan(departments.length);
    expect(new Set(shorts).size).toBe(shorts.length);
    // Keys as people read them: an official's surname and post.
    expect(respondentLabel('李某@工作人员')).toBe('工作人员李某');
    expect(respondentLabel('李某@书记')).toBe('书记李某');
    expect(respondentLabel('恒远')).toBe('恒远');
  });

  it('finds organisations in a text by name, not by kind', () => {
    const e = extractEntities('物业公司恒华物业管理有限公司贴出通知；我父亲在清河市第二人民醫院做手术');
    expect(e.respondents.sort()).toEqual(['恒华·物业', '第二人民医院']);
  });

  it('reads a trade name whatever comes before it, and not words of speech', () => {
    // jieba glues the preceding character to an unknown name (在鑫华, 过恒泰, 被鑫恒): the trade name is still found.
    expect(extractEntities('我和两个老乡在鑫华建筑装饰工程有限公司做装修').respondents).toEqual(['鑫华·建设']);
    expect(extractEntities('我上个月已经在网上反映过恒泰建筑公司拖欠我工资的事').respondents).toEqual(['恒泰·建设']);
    expect(extractEntities('基本农田被鑫恒石材有限公司占用').respondents).toEqual(['鑫恒·建材']);
    expect(extractEntities('柳塘镇鑫华化工夜里排臭气').respondents).toEqual(['鑫华·化工']);
    // An estate named after its developer (华泰·锦城), before normalising drops the dot.
    expect(extractEntities('望江街道滨江路华泰·锦城项目工地天天夜间施工').respondents).toEqual(['华泰']);
    // Not names: a fee (拖欠物业费), someone's speech (与某装修公司), a verb (裁决石材厂支付), a trade word.
    expect(extractEntities('瑞华物业管理有限公司起诉我拖欠物业费4260元').respondents).toEqual(['瑞华·物业']);
    expect(extractEntities('其与某装修公司的欠款纠纷').respondents).toEqual([]);
    expect(extractEntities('劳动仲裁裁决石材厂支付我赔偿').respondents).toEqual([]);
    expect(extractEntities('来电人称望江街道华泰房地产开发的楼盘').respondents).toEqual(['华泰·地产']);
    // What an estate does with its 物业 (续签物业合同), the 专业 of a cooperative, the 建工 of a group: no trade names.
    expect(extractEntities('业委会主任擅自续签物业合同，又续签物业服务').respondents).toEqual([]);
    expect(extractEntities('举报同盛养殖专业合作社偷排养殖废水').respondents).toEqual(['同盛·农业']);
    expect(extractEntities('盛源建工集团拖欠工资，在建工地停工').respondents).toEqual(['盛源·建设']);
    expect(extractEntities('请问物业有没有权利拒绝出租？督促原物业依法退出').respondents).toEqual([]);
    expect(extractEntities('明德法律咨询服务有限公司收费后不办事').respondents).toEqual(['明德·法律']);
    // Speech (解聘了原物业, 可原物业), a trade word's tail (混凝土, 人力资源) and trade words alone are no trade names.
    expect(extractEntities('解聘了原物业，选了新物业，可原物业赖着不走，物业把广告位租给广告公司').respondents).toEqual([]);
    expect(extractEntities('岭峰混凝土有限公司拒不承担工伤责任').respondents).toEqual(['岭峰·建材']);
    expect(extractEntities('江屿区宏达人力资源服务有限公司扣押身份证').respondents).toEqual(['宏达·人力资源']);
    expect(extractEntities('华晟城市服务有限公司和宝隆保洁服务有限公司拖欠环卫工人工资').respondents.sort()).toEqual(['华晟·城市服务', '宝隆·保洁']);
  });

  // Fragments the demo city's petitions gave as "the same company" or "the same place" to hundreds of unrelated
  // petitions (the intake panel and the cockpit's hotspots showed them): what an office does to a company, the
  // end of a pronoun, a trade word taken for a name, words that end like places.
  it.each([
    ['劳动监察大队说会约谈公司，到现在没有下文', [], []],
    ['恳请政府查处公司违法延长工作时间的问题', [], []],
    ['我们去公司找，公司说钱已经给了包工头', [], []],
    ['其与青川市丰泽置地有限公司的商品房买卖合同纠纷', ['丰泽·地产'], []],
    ['我在岭西街道兴盛塑料制品有限公司当包装工', ['兴盛·塑料'], ['岭西街道']],
    ['差额部分说是留作村集体发展资金', [], []],
    ['现实名举报村党支部书记刘某截留征地补偿款', ['刘某@书记'], []],
    ['要求村委会归还承包地，责令村委会整改', [], []],
    ['我经老乡介绍到盛源建筑劳务服务有限公司承包的渡口镇污水处理厂工程', ['盛源·建设'], ['渡口镇']],
    ['江屿区住房和城乡建设局给了答复意见', [], []],
    ['柳塘镇白沙村的村民反映恒远公司拖欠工资', ['恒远'], ['柳塘镇', '白沙村']],
    ['白鹭镇人民政府说长乐巷老旧小区改造明年开工', [], ['白鹭镇']],
    // Real names that end like common words, and trade names whose next characters read as a trade word.
    ['王集镇青山村和李家乡凤山村的村民', [], ['王集镇', '青山村', '李家乡', '凤山村']],
    ['古城镇、大同乡、山下乡、东渔村四地', [], ['古城镇', '大同乡', '山下乡', '东渔村']],
    ['阳光电器有限公司和恒通信息技术有限公司拖欠工资', ['阳光·电器', '恒通·科技'], []],
    ['我们找过南浦街道劳动保障所，去沙洲镇也问过', [], ['南浦街道', '沙洲镇']],
  ] as const)('%s: respondents %j, places %j', (text, respondents, places) => {
    const e = extractEntities(text);
    expect(e.respondents.sort()).toEqual([...respondents].sort());
    expect(e.places.sort()).toEqual([...places].sort());
  });

  // A name that has its level already, before a word that starts with the level again (村口, 镇政府, 县医院):
  // the similar petitions' reasons showed 同一地点“长塘村村”.
  it.each([
    ['长塘村村口的路坏了', [], ['长塘村']],
    ['沙洲镇长塘村村支书说不归他管', [], ['沙洲镇', '长塘村']],
    ['长塘村村委会不给答复', [], ['长塘村']],
    ['石桥镇镇政府不管', [], ['石桥镇']],
    ['龙潭乡乡政府说等通知', [], ['龙潭乡']],
    ['幸福家园小区小区门口堆满垃圾', [], ['幸福家园', '家园小区']],
    ['沙洲镇镇卫生院乱收费', ['沙洲镇卫生院'], ['沙洲镇']],
    ['槐山县县医院乱收费', ['槐山县医院'], []],
    ['江屿区区医院乱收费', ['江屿区医院'], []],
    ['青川市市医院乱收费', ['青川市医院'], []],
    // A real name with another level inside it is kept.
    ['青村镇的工厂夜里排污', [], ['青村镇']],
    // Names whose own last characters are the level twice (上村村, 前村村, 东村村) are villages too, also after
    // words of speech (在, 我们); and their level said again is still said once (东村村村口).
    ['我家住在上村村，村口的桥塌了', [], ['上村村']],
    ['我们前村村的路坏了', [], ['前村村']],
    ['东村村村口的桥塌了', [], ['东村村']],
    ['上村村通知我们搬迁', [], ['上村村']],
    // 村村通 (a road to every village) is no place: not 实现村.
    ['实现村村通公路', [], []],
    ['要求尽快实现村村通', [], []],
  ] as const)('%s: no level said twice (respondents %j, places %j)', (text, respondents, places) => {
    const e = extractEntities(text);
    expect(e.respondents.sort()).toEqual([...respondents].sort());
    expect(e.places.sort()).toEqual([...places].sort());
  });
});

// Two matters about one company (wages on a site; dust from its plant), one matter told three times, one unrelated.
const items = [
  {
    id: 'w1',
    text: '我们是柳塘镇幸福家园安置房工地的37名农民工，恒远建设工程有限公司从去年三月到今年一月一直拖欠我们的工资，合计一百二十多万元，项目经理说甲方工程款没到位，请政府帮我们讨回血汗钱。',
    respondent: '恒远建设工程有限公司',
    place: '柳塘镇',
  },
  {
    id: 'w2',
    text: '來電人稱在柳塘鎮幸福家園安置房工地做鋼筋工，施工單位恆遠建設工程有限公司拖欠工資四萬六千八百元至今未結，工地上還有幾十個工人情況相同，要求儘快發放工資。電話：139****2015',
    respondent: '恒远建设工程有限公司',
    place: '柳塘镇',
  },
  {
    id: 'w3',
    text: '我上个月已经反映过恒远建设工程有限公司拖欠柳塘镇幸福家园安置房工地农民工工资的事，监察大队让公司写了承诺书，说月底前发一半，结果还是没发工资，我们几十个人天天在工地等。',
    respondent: '恒远建设工程有限公司',
    place: '柳塘镇',
  },
  {
    id: 'd1',
    text: '恒远建设工程有限公司在柳塘镇的搅拌站每天晚上生产，粉尘和噪音很大，附近居民晚上睡不着，窗台上一层灰，请环保部门查处。',
    respondent: '恒远建设工程有限公司',
    place: '柳塘镇',
  },
  {
    id: 'u1',
    text: '建议在龙潭乡桃源村设几个垃圾收集点，现在村里没有固定的垃圾桶，大家都把垃圾倒在河沟边，夏天臭气熏天。',
    respondent: null,
    place: '桃源村',
  },
];

describe('duplicate detection', () => {
  it('groups one matter told three ways, and keeps a different matter about the same company apart', () => {
    const g = groupDuplicates(items);
    expect(g[0]).toBe(g[1]);
    expect(g[0]).toBe(g[2]);
    expect(g[3]).not.toBe(g[0]);
    expect(g[4]).not.toBe(g[0]);
    expect(new Set(g).size).toBe(3);
  });

  it('gives similarity with reasons', () => {
    const [a, b] = [fingerprint(items[0]!), fingerprint(items[2]!)];
    const s = similarity(a, b);
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_PAIR_MODEL.threshold);
    expect(s.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(['text', 'sameRespondent', 'samePlace']));
    // The same petitioner (equal keyed hashes) makes a less alike pair more likely one matter.
    const dust = fingerprint(items[3]!);
    const other = similarity(a, dust);
    const withPerson = similarity({ ...a, personKey: 'k1' }, { ...dust, personKey: 'k1' });
    expect(withPerson.reasons.some((r) => r.kind === 'samePetitioner')).toBe(true);
    expect(withPerson.score).toBeGreaterThan(other.score);
  });

  it('tells two companies of one trade name apart by their line of business, and keeps one company\'s names one', () => {
    const wages = (company: string, id: string) =>
      fingerprint({ id, text: `${company}拖欠我们二十多名工人去年下半年的工资，老板一直推说资金周转困难，请求督促支付。` });
    const textiles = wages('远航纺织有限公司', 'a');
    const plastics = wages('远航塑料制品有限公司', 'b');
    const short = wages('远航公司', 'c');
    const apart = similarity(textiles, plastics);
    expect(apart.reasons.map((r) => r.kind)).not.toContain('sameRespondent');
    // The same words about one company: the same respondent, and a likelier match.
    const one = similarity(textiles, wages('青川市远航纺织有限公司', 'd'));
    expect(one.reasons).toContainEqual({ kind: 'sameRespondent', key: '远航·纺织' });
    expect(one.score).toBeGreaterThan(apart.score);
    // A name without its line of business may be either: the same respondent as each, named by the fuller key.
    expect(similarity(short, plastics).reasons).toContainEqual({ kind: 'sameRespondent', key: '远航·塑料' });
    // All three are still looked up together by their trade name, for the model to compare.
    for (const fp of [textiles, plastics, short]) expect(candidateKeys(fp)).toContain('r:远航');
  });

  it('drops a company\'s short name when the text names it in full', () => {
    expect(extractEntities('恒华物业管理有限公司贴出通知，恒华公司的人说不退押金').respondents).toEqual(['恒华·物业']);
    expect(fingerprint({ id: 'x', text: '恒华公司的人说不退押金', respondent: '恒华物业管理有限公司' }).respondents).toEqual(new Set(['恒华·物业']));
    // Two companies' full names are both kept.
    expect(extractEntities('远航纺织有限公司和远航塑料制品有限公司都欠工资').respondents.sort()).toEqual(['远航·塑料', '远航·纺织']);
  });

  it('names a village both name by its full name in the reason', () => {
    const told = (text: string) => fingerprint({ id: text.slice(0, 8), text });
    const s = similarity(told('杏树湾村的土地被征收，补偿款一直没有发放到位。'), told('我们杏树湾村征地补偿款至今没有发放。'));
    expect(s.reasons).toContainEqual({ kind: 'samePlace', key: '杏树湾村' });
  });

  it('compares shingle hash sets by merging sorted arrays, as a set intersection would', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 8) % 400 - 200;
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: 1 + (round % 40) }, rand);
      const b = Array.from({ length: 1 + ((round * 7) % 60) }, rand);
      const df = new Map<number, number>();
      for (const h of [...new Set(a), ...new Set(b)]) df.set(h, (df.get(h) ?? 0) + 1);
      const idf = idfFrom(df, 3);
      const [sa, sb] = [new Set(a), new Set(b)];
      const norm = (s: Set<number>) => [...s].reduce((n, h) => n + idf(h) ** 2, 0);
      const dot = [...sa].filter((h) => sb.has(h)).reduce((n, h) => n + idf(h) ** 2, 0);
      expect(weightedCosine(sortedHashes(a), sortedHashes(b), idf)).toBeCloseTo(dot / Math.sqrt(norm(sa) * norm(sb)), 12);
      expect(weightedCosine(sortedHashes(a), sortedHashes(b))).toBeCloseTo([...sa].filter((h) => sb.has(h)).length / Math.sqrt(sa.size * sb.size), 12);
    }
  });

  it('files petitions under string keys a database can index', () => {
    const keys = candidateKeys(fingerprint(items[0]!));
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(keys).toContain('r:恒远');
    expect(keys.filter((k) => k.startsWith('v1:')).length).toBe(64);
  });

  it('counts shared sums and dates, and tells two flats apart', () => {
    const letter = fingerprint({
      id: 'l',
      text: '本人在恒泰建筑工程有限公司杏林街道工地打工，被欠薪水叁萬捌仟陆佰元，法院判决后申请强制执行至今未到位。',
    });
    const call = fingerprint({ id: 'c', text: '来电人称恒泰建筑公司拖欠他工资38600元，法院判决后一直不执行，要求督促。' });
    const s = similarity(letter, call);
    expect(s.reasons).toContainEqual({ kind: 'sameFacts', facts: ['a:38600'] });
    expect(s.score).toBeGreaterThan(similarity({ ...letter, facts: new Set() }, { ...call, facts: new Set() }).score);

    const cracks = fingerprint({ id: 'a', text: '我家是华瑞·滨江府5栋1203，交房后墙体开裂渗水，请督促开发商维修。', respondent: '华瑞地产开发有限公司' });
    const area = fingerprint({ id: 'b', text: '我买的是华瑞·滨江府2栋的房子，交房后面积少了3.2平方米，请督促开发商退差价。', respondent: '华瑞地产开发有限公司' });
    const t = similarity(cracks, area);
    expect(t.reasons.map((r) => r.kind)).toContain('differentUnits');
    // The developer agrees, the flats do not: the disagreement on which flat lowers the score.
    const withoutFlats = similarity({ ...cracks, facts: new Set() }, { ...area, facts: new Set() });
    expect(t.score).toBeLessThan(withoutFlats.score);
  });

  it('says when two petitions speak of the same kind of issue, which moves the score, in words a clerk reads', () => {
    const a = fingerprint({ id: 'a', text: '我在宏达机械厂上班，老板拖欠我们三个月工资，多次讨要未果。' });
    const b = fingerprint({ id: 'b', text: '锦绣餐饮公司欠我半年的工钱不给，请劳动监察帮忙追讨。' });
    const s = similarity(a, b);
    expect(s.reasons).toContainEqual({ kind: 'sameIssue', concepts: ['c:wages'] });
    const other = fingerprint({ id: 'c', text: '小区电梯经常困人，物业公司一直不修，请督促维修。' });
    expect(similarity(a, other).reasons.map((r) => r.kind)).not.toContain('sameIssue');
    expect(conceptLabel('c:wages')).toEqual({ zh: '工资', en: 'wages' });
    // It is what the score weighs: without the shared concept the same pair scores lower.
    const noConcepts = (f: typeof a) => ({ ...f, subjects: new Set([...f.subjects].filter((t) => !t.startsWith('c:'))) });
    expect(similarity(noConcepts(a), noConcepts(b)).score).toBeLessThan(s.score);
    // Words too broad to state as the same issue are not shown: 120 in 1200元 is no ambulance.
    const sums = similarity(
      fingerprint({ id: 'd', text: '物业公司多收我家1200元停车费，要求退还。' }),
      fingerprint({ id: 'e', text: '装修公司收了定金1200元后跑路，要求退还。' }),
    );
    expect(sums.reasons.filter((r) => r.kind === 'sameIssue').flatMap((r) => (r.kind === 'sameIssue' ? r.concepts : []))).not.toContain('c:ambulance');
    // Every concept has its own label, not its code name.
    for (const name of CONCEPT_NAMES) expect(conceptLabel(`c:${name}`).zh, name).not.toBe(name);
  });

  it.each([
    ['拨打120后救护车四十分钟才到', 'c:ambulance', true],
    ['每人每月收费1200元', 'c:ambulance', false],
    ['还欠我工资120元，拖了120天', 'c:ambulance', false],
    ['面积少了120平方米', 'c:ambulance', false],
    ['打120叫了救护车', 'c:ambulance', true],
    ['滨江府5栋1203室', 'c:ambulance', false],
    ['被一辆货车撞成十级伤残', 'c:trafficAccident', true],
    ['卸货时被叉车撞伤，右腿骨折', 'c:trafficAccident', false],
    ['公司以业绩不好为由辞退了我', 'c:dismissal', true],
    ['离职时公司不退800元押金', 'c:dismissal', false],
    ['离职时公司不退800元押金', 'c:deposits', true],
    ['因为片区综合地价不一样，补偿差了一倍', 'c:sameStandard', true],
    ['材料上有一个字不一样，要我重新开证明', 'c:sameStandard', false],
    ['有我父亲的借条和转账记录', 'c:loans', true],
    ['靠借钱过日子，欠款越来越多', 'c:loans', false],
  ] as const)('tells issue concepts by words specific to them: %s → %s %s', (text, tag, expected) => {
    expect(concepts(normalise(text)).includes(tag)).toBe(expected);
  });

  it('ships a fitted pair model with one weight per feature, and reads shared sums as evidence', () => {
    expect(DEFAULT_PAIR_MODEL.weights).toHaveLength(PAIR_FEATURES.length);
    const w = (f: (typeof PAIR_FEATURES)[number]) => DEFAULT_PAIR_MODEL.weights[PAIR_FEATURES.indexOf(f)] as number;
    // The signs a clerk would expect: agreement counts for, conflicts against.
    for (const f of ['wordOverlap', 'sameRespondent', 'sharedFacts', 'domainAgreement'] as const) expect(w(f)).toBeGreaterThan(0);
    for (const f of ['townConflict', 'unitConflict'] as const) expect(w(f)).toBeLessThan(0);
    expect(DEFAULT_PAIR_MODEL.threshold).toBeGreaterThan(0);
    expect(DEFAULT_PAIR_MODEL.threshold).toBeLessThan(1);
  });

  it('does not chain: a petition joins a group only if it is like the group (average link)', () => {
    const chain = [
      { id: 'x', text: '幸福家园安置房工地的项目部拖欠我们钢筋班组十二个人的工资，包工头说甲方的工程款没有到位，一直拖着不发。' },
      {
        id: 'xy',
        text: '幸福家园安置房工地的项目部拖欠我们钢筋班组的工资，包工头说甲方工程款没到位。这个工地的搅拌站每天夜里生产，粉尘和噪音很大，附近居民睡不着觉。',
      },
      { id: 'y', text: '这个工地的搅拌站每天夜里生产，粉尘和噪音很大，附近居民睡不着觉，窗台上落满一层灰，请环保部门来查处。' },
      { id: 'u', text: '建议在桃源村设几个垃圾收集点，现在村里没有固定的垃圾桶。' },
    ];
    // Single link (any one similar pair joins) puts the wage matter and the dust matter together through xy.
    // (A low pair threshold, so that the weak xy–y pair counts as an edge.)
    expect(groupDuplicates(chain, { threshold: 0.1, linkThreshold: 0 })).toEqual(['x', 'x', 'x', 'u']);
    expect(groupDuplicates(chain, { threshold: 0.1 })).toEqual(['x', 'x', 'y', 'u']);
  });

  it('scores pairs: singletons are their own group', () => {
    expect(pairwiseScores(['a', 'a', null, null], ['x', 'x', 'y', 'z'])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(pairwiseScores(['a', 'a', null], ['x', 'y', 'y']).f1).toBe(0);
  });
});
