import { describe, expect, it } from 'vitest';
import { respondentUnitsOf } from '../../src/analysis/routing';

// The units of the server tests' world, as rows.
const units = [
  ['city-office', '青川市信访局', '339900', 'petitionOffice'],
  ['district-office', '临江区信访局', '339902', 'petitionOffice'],
  ['city-labor', '青川市人力资源和社会保障局', '339900', 'department'],
  ['district-labor', '临江区人力资源和社会保障局', '339902', 'department'],
  ['city-housing', '青川市住房和城乡建设局', '339900', 'department'],
  ['district-land', '临江区自然资源局', '339902', 'department'],
  ['city-discipline', '青川市纪委监委', '339900', 'discipline'],
].map(([id, name, jurisdictionCode, kind]) => ({ id: id!, name: name!, jurisdictionCode: jurisdictionCode!, kind: kind!, domains: [], active: true, createdAt: new Date(0) }));

const against = (text: string, respondent: { unitId?: string; name?: string } = {}, title = '') => respondentUnitsOf({ units }, respondent, title, text);

describe('respondentUnitsOf: the units a petition is against', () => {
  it.each([
    // Accused in its words, in full or by a short name after the region, each unit named.
    ['两个局互相推诿', '青川市住房和城乡建设局和临江区人力资源和社会保障局互相推诿。', ['city-housing', 'district-labor']],
    ['a bureau’s staff by short name', '青川市人社局劳动监察大队的人收了包工头的烟酒。', ['city-labor']],
    ['an office’s staff', '临江区信访局工作人员把我的材料给了被反映单位。', ['district-office']],
    ['one mention read as accusing is enough', '我向临江区信访局反映后，临江区信访局工作人员把材料交给了老板。', ['district-office']],
    // Named as the letter's addressee, where the petitioner went, whom they ask, or who answered before: not accused.
    ['a salutation', '临江区自然资源局：我举报腾达公司非法占用基本农田。', []],
    ['a salutation by its full name containing a short one', '青川市纪委监委：实名举报村党支部书记高某截留补偿款。', []],
    ['where the petitioner went', '我多次到青川市信访局反映，一直没有结果。', []],
    ['where, with a region between', '我到青川市临江区信访局反映过两次。', []],
    ['whom they ask to act', '请青川市纪委监委查处村干部。', []],
    ['who answered the earlier petition', '上个月举报的事，青川市纪委监委给了答复意见，可我们不满意。', []],
    ['who answered, in other words', '青川市纪委监委回复说正在协调，至今没有下文。', []],
  ])('%s', (_label, text, ids) => {
    expect(against(text).ids.toSorted()).toEqual([...ids].toSorted());
  });

  it('takes the respondent as given first: the unit picked, every unit a typed name may be, the units it names', () => {
    expect(against('请青川市纪委监委查处。', { unitId: 'city-housing', name: '青川市住房和城乡建设局' })).toEqual({ ids: ['city-housing'], inWords: ['city-housing'] });
    // A bureau with no region may be any county's: each is kept away; none is named as the respondent unit.
    expect(against('劳动监察的人收钱不办事。', { name: '人社局' })).toEqual({ ids: ['city-labor', 'district-labor'], inWords: [] });
    // A unit's official: the unit is in the respondent's own words, and first.
    expect(against('青川市住房和城乡建设局也不管。', { name: '青川市人社局劳动监察大队李某' })).toEqual({
      ids: ['city-labor', 'city-housing'],
      inWords: ['city-labor', 'city-housing'],
    });
    // The title counts as the text does.
    expect(against('材料见附件。', {}, '举报临江区自然资源局违规审批').ids).toEqual(['district-land']);
  });
});
