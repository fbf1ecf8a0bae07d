import { describe, expect, it } from 'vitest';
import { respondentUnitsOf, unitsNamedIn } from '../../src/text/accused';

// A city (339900) with a district (339902) and a county (339921), as in the server tests' world.
const units = [
  ['city-office', '青川市信访局', '339900', 'petitionOffice'],
  ['district-office', '临江区信访局', '339902', 'petitionOffice'],
  ['county-office', '云岭县信访局', '339921', 'petitionOffice'],
  ['city-labor', '青川市人力资源和社会保障局', '339900', 'department'],
  ['district-labor', '临江区人力资源和社会保障局', '339902', 'department'],
  ['city-housing', '青川市住房和城乡建设局', '339900', 'department'],
  ['district-land', '临江区自然资源局', '339902', 'department'],
  ['city-discipline', '青川市纪委监委', '339900', 'discipline'],
].map(([id, name, jurisdictionCode, kind]) => ({ id: id!, name: name!, jurisdictionCode: jurisdictionCode!, kind: kind! }));

const DISTRICT_VILLAGE = '339902001';
const against = (text: string, respondent: { unitId?: string; name?: string } = {}, title = '', place = DISTRICT_VILLAGE) =>
  respondentUnitsOf(units, respondent, { title, text }, place);
const ids = (text: string) => against(text).ids.toSorted();

describe('respondentUnitsOf: the units a petition is against', () => {
  // Missing one of these would show the petitioner to the unit they accuse.
  it.each([
    ['two bureaus passing it to each other', '青川市住房和城乡建设局和临江区人力资源和社会保障局互相推诿。', ['city-housing', 'district-labor']],
    ['a bureau’s staff by short name', '青川市人社局劳动监察大队的人收了包工头的烟酒。', ['city-labor']],
    ['the object of 请求查处', '请求查处临江区人社局相关人员。', ['district-labor']],
    ['the object of 请依法查处, an office', '请依法查处临江区信访局工作人员。', ['district-office']],
    ['passed on to it, then retaliation', '我的举报信被转到临江区人社局，结果被打击报复。', ['district-labor']],
    ['passed on to an office, then retaliation', '材料被转到临江区信访局后我就遭到报复。', ['district-office']],
    ['its answer found at fault', '临江区人社局回复说不归他们管，明显推诿。', ['district-labor']],
    ['its answer, then the matter left to drag', '临江区人社局给了答复意见，可事情一直拖着没人管。', ['district-labor']],
    ['where the petitioner went on business, and was asked for money', '我到临江区人社局办理工伤认定，工作人员索要好处费。', ['district-labor']],
    ['whose official took money', '找临江区人社局的王科长办事，他收了我两万元。', ['district-labor']],
    ['money given to it', '老板送给临江区人社局王科长两万元。', ['district-labor']],
    ['an approval through it', '项目经临江区自然资源局违规审批。', ['district-land']],
    ['accepted, then delayed', '临江区人社局受理后故意拖延，包庇老板。', ['district-labor']],
    ['a salutation that calls the unit “you”', '临江区自然资源局：你局长期包庇违法占地，我要举报。', ['district-land']],
    // The bureau named again without its region may be the district's or the city's: both are kept away.
    ['a bureau petitioned, then the bureau at fault', '多次向临江区人社局反映，人社局一直不处理。', ['city-labor', 'district-labor']],
    ['an office’s staff', '临江区信访局工作人员把我的材料给了被反映单位。', ['district-office']],
    ['one mention read as accusing is enough', '我向临江区信访局反映后，临江区信访局工作人员把材料交给了老板。', ['district-office']],
    // Found in review: where they went, then fault in the same sentence or a word pointing back at the office.
    ['went to petition, and was asked for money there', '我到临江区信访局反映问题被索要好处费。', ['district-office']],
    ['went to petition, then its receptionist at fault', '我到临江区信访局反映问题，接访人员把我的信息给了村干部。', ['district-office']],
    ['petitioned there, then they passed the buck', '我多次到临江区信访局上访，他们一直推诿不办。', ['district-office']],
    ['reported to the commission, then the letter reached the accused', '我向青川市纪委监委举报后，举报信被转给了被举报人。', ['city-discipline']],
    ['asked to act, then at fault', '请青川市纪委监委查处，他们却包庇村书记。', ['city-discipline']],
    ['at its reception room, pushed over by its staff', '我到临江区信访局信访接待室，被工作人员推倒。', ['district-office']],
    ['an answer, then fault in a later sentence', '临江区人社局回复说已经处理了。其实他们收了老板的钱。', ['district-labor']],
    ['a form line, not a salutation', '被举报单位：\n临江区自然资源局：违规审批。', ['district-land']],
    ['a first line that opens with its fault', '临江区人社局：收受老板好处，压着欠薪投诉不办。', ['district-labor']],
    ['a salutation calling it “you”', '临江区自然资源局：你们的工作人员收受开发商好处。', ['district-land']],
    // Named without a region: the place's own units of that name.
    ['a bureau without its region', '住建局审批科工作人员李某索要好处费。', ['city-housing']],
    ['an office without its region, after a comma', '我反映了三次，信访局工作人员却把材料给了被举报人。', ['district-office']],
    ['an office by its short name', '临江区信访办工作人员泄露我的信息。', ['district-office']],
  ])('accuses: %s', (_label, text, want) => {
    expect(ids(text)).toEqual([...want].toSorted());
  });

  // Named plainly without accusing: taking these would keep the proper handler, or the office, from the case.
  it.each([
    ['a salutation', '临江区自然资源局：我举报腾达公司非法占用基本农田。'],
    ['a salutation by a full name holding a short one', '青川市纪委监委：实名举报村党支部书记高某截留补偿款。'],
    ['a respectful salutation', '尊敬的青川市纪委监委领导：\n我实名举报村支书侵占补偿款。'],
    ['a salutation, then the matter’s fault', '青川市纪委监委：前些天我已经举报过村支书收受红包的问题，至今没有结果。'],
    ['where the petitioner went', '我多次到青川市信访局反映，一直没有结果。'],
    ['where, two offices in a list', '我先后到临江区信访局、青川市信访局反映，都没有结果。'],
    ['where, with a region before', '我到青川市临江区信访局反映过两次。'],
    ['whom they ask to act', '请青川市纪委监委查处村干部。'],
    ['who answered the earlier petition', '上个月举报的事，青川市纪委监委给了答复意见，可我们不满意。'],
    ['who answered, in other words', '青川市纪委监委回复说正在协调，至今没有下文。'],
    ['who answered, after a fault of someone else’s', '村干部违规办理低保的事，青川市纪委监委回复说正在协调。'],
    ['a bureau that answered', '临江区自然资源局给了答复意见，可到现在腾达公司还在占地。'],
    // Found in the walkthrough: a copy list, a unit that passed the letter on, one unrelated, one thanked.
    ['a copy list', '村书记截留补偿款。\n抄送：青川市信访局、临江区信访局'],
    ['passed on by an office', '此件经临江区信访局转来，村书记截留补偿款。'],
    ['passed on, in other words', '临江区信访局转来的信件说村书记截留补偿款。'],
    ['said to be unrelated', '此事与临江区自然资源局无关，是村书记截留补偿款。'],
    ['thanked', '感谢青川市住房和城乡建设局帮助我们追回工资，但村书记截留补偿款。'],
    ['where they went, by 去 and 给…写信', '我去临江区信访局反映过，也给青川市纪委监委写信反映。'],
    ['asked to look into a fault that is the matter’s', '请纪委监委查清招投标中的违纪违法问题。'],
    ['where they went to report a fault that is the matter’s', '我多次到青川市信访局反映村干部违规占地。'],
  ])('does not accuse: %s', (_label, text) => {
    expect(ids(text)).toEqual([]);
  });

  it('takes the respondent as given first: the unit picked, the units a typed name may be at the place, the units it names', () => {
    expect(against('请青川市纪委监委查处。', { unitId: 'city-housing', name: '青川市住房和城乡建设局' })).toEqual({
      ids: ['city-housing'],
      inWords: ['city-housing'],
      given: ['city-housing'],
      typedUnitId: null,
    });
    // A bureau with no region: each one up the place's chain; where the county has none, the city's.
    expect(against('劳动监察的人收钱不办事。', { name: '人社局' }).ids.toSorted()).toEqual(['city-labor', 'district-labor']);
    expect(against('劳动监察的人收钱不办事。', { name: '人社局' }, '', '339921001').ids).toEqual(['city-labor']);
    // An office with no region: the place's own, so the office above can take the accusation.
    expect(against('接访人员态度恶劣。', { name: '信访局' }).ids).toEqual(['district-office']);
    // A level or a short name only: read at the place.
    expect(against('收钱不办事。', { name: '区人社局' }).ids.toSorted()).toEqual(['city-labor', 'district-labor']);
    expect(against('收钱不办事。', { name: '纪委' }).ids).toEqual(['city-discipline']);
    expect(against('泄露我的信息。', { name: '信访办' }).ids).toEqual(['district-office']);
    // At a city, a bureau with no region may be the city's or any of its counties'.
    expect(against('收钱不办事。', { name: '人社局' }, '', '339900').ids.toSorted()).toEqual(['city-labor', 'district-labor']);
    // A unit's official: the unit is in the respondent's own words, and first.
    expect(against('青川市住房和城乡建设局也不管。', { name: '青川市人社局劳动监察大队李某' })).toEqual({
      ids: ['city-labor', 'city-housing'],
      inWords: ['city-labor', 'city-housing'],
      given: [],
      typedUnitId: null,
    });
    // The title counts as the text does.
    expect(against('材料见附件。', {}, '举报临江区自然资源局违规审批').ids).toEqual(['district-land']);
  });

  it('names every unit a text names, accused or not, the first named first', () => {
    expect(unitsNamedIn(units, '我到青川市信访局反映临江区人社局的问题').map((u) => u.id)).toEqual(['city-office', 'district-labor']);
    // A short name inside a unit's full name is one mention of that unit.
    expect(unitsNamedIn(units, '青川市纪委监委：').map((u) => u.id)).toEqual(['city-discipline']);
    // A unit first named inside another's name, and again on its own, is named.
    const gov = [
      { id: 'city-gov', name: '青川市人民政府', jurisdictionCode: '339900', kind: 'government' },
      { id: 'city-gov-office', name: '青川市人民政府办公室', jurisdictionCode: '339900', kind: 'department' },
    ];
    expect(unitsNamedIn(gov, '青川市人民政府办公室转来的答复说，青川市人民政府已研究。').map((u) => u.id)).toEqual(['city-gov-office', 'city-gov']);
    expect(unitsNamedIn(gov, '青川市人民政府办公室转来的答复。').map((u) => u.id)).toEqual(['city-gov-office']);
  });
});
