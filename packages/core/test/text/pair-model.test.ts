import { describe, expect, it } from 'vitest';
import { crossValidateDuplicates, fingerprint, fitLogistic, fitPairModel, groupFingerprints, PAIR_FEATURES, pairwiseScores } from '../../src/text/index';

describe('logistic regression', () => {
  it('finds the direction that separates the classes, with the bias last', () => {
    // y = 1 exactly when x0 > x1: the weight of x0 must be positive, of x1 negative.
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i * 37) % 100 / 100;
      const b = (i * 61) % 100 / 100;
      x.push([a, b]);
      y.push(a > b ? 1 : 0);
    }
    const w = fitLogistic(x, y, 0.1, 1);
    expect(w).toHaveLength(3);
    expect(w[0]).toBeGreaterThan(1);
    expect(w[1]).toBeLessThan(-1);
    const wrong = x.filter((r, i) => (w[0]! * r[0]! + w[1]! * r[1]! + w[2]! > 0 ? 1 : 0) !== y[i]).length;
    expect(wrong).toBeLessThan(10);
  });
});

// Three matters told twice or three times (one in traditional characters), and petitions about the same
// company or village that are other matters.
const labeled = [
  ['w1', 'g1', '我们是柳塘镇幸福家园安置房工地的农民工，恒远建设工程有限公司从去年三月起拖欠我们工资，合计十二万元，请政府帮我们讨薪。'],
  ['w2', 'g1', '來電人稱在柳塘鎮幸福家園安置房工地做鋼筋工，恆遠建設工程有限公司拖欠工資至今未結，要求儘快發放。'],
  ['w3', 'g1', '我上个月已经反映过恒远建设拖欠幸福家园工地农民工工资的事，到现在还是没发，请督促。'],
  ['d1', null, '恒远建设工程有限公司在柳塘镇的搅拌站每天夜里生产，粉尘和噪音很大，附近居民睡不着。'],
  ['e1', 'g2', '我们是桃源街道华府名苑3号楼的住户，电梯今年已经困人6次，物业鑫泰物业服务有限公司只是临时修一下。'],
  ['e2', 'g2', '来电人称家住桃源街道华府名苑3号楼，楼内电梯多次困人，物业鑫泰物业只做临时维修，要求彻底检修电梯。'],
  ['p1', null, '华府名苑的物业鑫泰物业服务有限公司今年把停车费从每月150元涨到300元，没有开业主大会。'],
  ['v1', 'g3', '白沙镇枫林村的青苗和果树补偿一年多没有发，当时清点了112棵橘树，镇里说三个月内发放。'],
  ['v2', 'g3', '來電人稱白沙鎮楓林村村民，高速征地的橘樹青苗補償一年多沒發，清點了112棵，要求儘快兌現。'],
  ['v3', null, '建议在白沙镇枫林村设几个垃圾收集点，现在村里没有固定的垃圾桶，河沟边堆满垃圾。'],
  ['u1', null, '东湖区第三小学食堂的饭菜质量太差，一个月伙食费要收580元，家长想看后厨也不让。'],
  ['u2', null, '杏林街道杏花路的路灯坏了两个多月，晚上漆黑一片，请城管尽快修好。'],
] as const;
const items = labeled.map(([id, group, text]) => ({ fp: fingerprint({ id, text }), group }));

describe('fitting the pair model', () => {
  it('fits one weight per feature and groups the matters it was fitted on', () => {
    const model = fitPairModel(items);
    expect(model.weights).toHaveLength(PAIR_FEATURES.length);
    const groups = groupFingerprints(
      items.map((i) => i.fp),
      { model },
    );
    const s = pairwiseScores(
      items.map((i) => i.group),
      groups,
    );
    expect(s.f1).toBeGreaterThan(0.8);
    // The other matters about one company or village stay apart.
    expect(groups[3]).not.toBe(groups[0]);
    expect(groups[6]).not.toBe(groups[4]);
    expect(groups[9]).not.toBe(groups[7]);
  });

  it('refuses labels without a single pair of the same matter', () => {
    expect(() => fitPairModel(items.map((i) => ({ ...i, group: null })))).toThrow(/at least one pair/);
  });

  it('cross-validates by matter: counts only pairs inside a fold, never splitting a matter', () => {
    const s = crossValidateDuplicates(items, 2);
    // All 3 + 1 + 1 same-matter pairs are inside one fold each, so every one is counted.
    expect(s.truePairs).toBe(5);
    expect(s.f1).toBeGreaterThanOrEqual(0);
    expect(s.f1).toBeLessThanOrEqual(1);
  });
});
