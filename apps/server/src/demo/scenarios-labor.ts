// Labour (劳动保障): wage arrears above all, then social insurance, injuries, dismissals, agencies.

import { FACTORY_JOBS, TRADES } from './pools';
import {
  amount,
  company,
  countyUnit,
  cityUnit,
  dayText,
  estate,
  fullPlaceName,
  money,
  num,
  about,
  pickPlace,
  someone,
  townName,
  ym,
} from './kit';
import type { Ctx, Place, Scenario } from './kit';

/** A building site, named without its town (the text puts the town in front). */
export function constructionProject(c: Ctx, _p: Place): string {
  return c.p(
    '棚户区改造安置房项目',
    '安置小区二期工程',
    '污水处理厂扩建工程',
    '中心小学教学楼工程',
    '农贸市场改造项目',
    '卫生院住院楼工程',
    '标准厂房项目',
    `${c.p('滨河', '迎宾', '工业', '环城')}大道提质改造工程`,
    '全民健身中心项目',
    '公办幼儿园新建工程',
    `${estate(c)}${c.p('一', '二', '三')}期工地`,
    `${estate(c)}项目工地`,
    '物流园仓储中心工程',
    '老旧小区改造工程',
  );
}

const wageConstruction: Scenario = {
  id: 'labor.wage.construction',
  domain: 'labor',
  category: 'claim',
  weight: 13,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, c.chance(0.6) ? 'urban' : 'seat'));
    const sub = c.shared('sub', () => company(c, 'labour'));
    const gc = c.shared('gc', () => company(c, 'construction'));
    const project = c.shared('project', () => constructionProject(c, place));
    const start = c.shared('start', () => c.int(5, 16));
    const end = Math.max(1, start - c.int(3, 9));
    const boss = c.shared('boss', () => someone(c));
    const crew = c.shared('crew', () => c.int(8, 60));
    const site = `${townName(c, place)}${project}`;
    const trade = c.rng.pick(TRADES);
    const owe = amount(c, 6000, 68000, 100);
    const total = crew * amount(c, 15000, 40000, 1000);
    const us = c.collective ? c.we : c.I;
    let intro: string;
    if (c.collective) {
      intro = c.p(
        `${c.v(`我们是${site}的${num(c, crew)}名农民工，`, `其系${site}${crew}名农民工的代表，`)}${ym(c, start)}以来${sub.name}就没有按月发过工资，到现在总共欠${c.we}${money(c, total)}，最多的一个人被欠${money(c, amount(c, 40000, 90000, 100))}。`,
        `${c.v('我们', '其与工友')}${num(c, crew)}人跟着包工头${boss}在${site}干活，劳务分包单位是${sub.name}，从${ym(c, start)}干到${ym(c, end)}，工钱一共${money(c, total)}，到现在一分没结。`,
      );
    } else {
      intro = c.p(
        `${c.v(`我是在${site}干${trade}的农民工，`, `其系${site}${trade}，`)}${sub.name}从${ym(c, start)}到${ym(c, end)}一直没有结算工资，${c.my}个人被欠${money(c, owe)}。`,
        `${ym(c, start)}${c.I}经老乡介绍到${sub.name}承包的${site}做${trade}，说好${c.p('干完活一次性结清', '每月发一次工资', '年底统一结算')}，可工程${c.p('主体都封顶了', '早就完工了', '已经交付使用了')}，${c.my}的工钱${money(c, owe)}到现在还没拿到。`,
        `${c.I}在${site}做${trade}，施工单位为${gc.name}，劳务分包给${sub.name}，${ym(c, start)}至${ym(c, end)}的工资共${money(c, owe)}至今未结。`,
      );
    }
    const blame = c.p(
      `${c.we}多次找项目部，项目经理说开发商没拨工程款，让${c.we}再等等。`,
      `总包${gc.short}说工程款早就拨给${sub.short}了，${sub.short}的老板却说没收到，两边互相推。`,
      '公司每次都说下个月发，一拖再拖，现在连电话都不接了。',
      `包工头${boss}${c.p('去年底', '几个月前', '上个月')}就联系不上了，${c.we}去公司找，公司说钱已经给了包工头。`,
      '项目部说要等审计结算完才能发，可审计到底什么时候做完谁也说不清。',
    );
    const extras = [
      `${c.we}去${place.county.name}劳动保障监察大队投诉过，登记了，说会约谈公司，到现在没有下文。`,
      c.p(
        '手里有考勤表和班组长签字的记工单，工友们都可以作证。',
        '工资欠条是项目部盖了章的，复印件可以提供。',
      ),
      `${c.p('马上就要过年了', '孩子马上要开学了', '家里老人住院等着交钱')}，${c.p('一家人都等着这笔钱', '实在拖不起了', '我们实在是没办法了')}。`,
    ];
    if (!c.collective) extras.splice(1, 0, `工地上像${c.my}这样被欠工资的还有${num(c, crew)}个人。`);
    return {
      title: c.collective ? `${crew}名农民工反映${sub.name}拖欠工资` : `反映${sub.name}拖欠农民工工资`,
      body: intro + blame,
      extras,
      ask: c.p(
        `督促${sub.name}尽快结清拖欠的工资`,
        `帮${us}讨回被拖欠的血汗钱`,
        `协调总包单位和${sub.short}尽快把工资发给${us}`,
      ),
      demands: c.collective
        ? `要求${sub.name}支付拖欠${crew}名农民工的工资共计${money(c, total)}。`
        : `要求${sub.name}支付拖欠的工资${money(c, owe)}。`,
      respondent: { name: sub.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${project}`,
      suggestedUnitId: countyUnit(place, 'hrss'),
      headcount: crew,
      fromElsewhere: c.chance(0.4),
    };
  },
};

const wageFactory: Scenario = {
  id: 'labor.wage.factory',
  domain: 'labor',
  category: 'claim',
  weight: 7,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, c.chance(0.5) ? 'seat' : 'urban'));
    const firm = c.shared('firm', () => company(c, 'factory'));
    const months = c.shared('months', () => c.int(2, 5));
    const staff = c.shared('staff', () => c.int(20, 180));
    const job = c.rng.pick(FACTORY_JOBS);
    const monthly = amount(c, 3200, 6800, 100);
    const owe = monthly * months;
    const years = c.int(1, 9);
    const where = townName(c, place);
    const us = c.collective ? c.we : c.I;
    const intro = c.collective
      ? `${c.v(`我们是${where}${firm.name}的${num(c, staff)}名职工，`, `其系${where}${firm.name}${staff}名职工的代表，`)}公司已经连续${num(c, months)}个月没发工资了，每人每月${money(c, monthly)}左右。`
      : c.p(
          `${c.I}在${where}${firm.name}当${job}，干了${num(c, years)}年，公司从${ym(c, months + 1)}开始就没发工资，到现在已经欠了${num(c, months)}个月，共${money(c, owe)}。`,
          `${c.v('我是', '其系')}${firm.name}的${job}，厂里${c.p('说订单少了', '说资金链断了', '说货款收不回来')}，${num(c, months)}个月的工资${money(c, owe)}一直拖着不发。`,
        );
    const twist = c.p(
      `上个月老板突然不来厂里了，车间也停了，${c.we}去找才发现设备都在往外拉。`,
      `厂里天天说下周发，发到现在也没见到一分钱，全厂${about(c, staff)}多个人都一样。`,
      '老板让我们先回家等通知，说厂子要转让了，转让款下来就发工资。',
      '公司贴出通知说停产放假，放假期间的工资和之前欠的都没说怎么给。',
    );
    return {
      title: c.collective ? `${firm.name}职工反映被拖欠工资` : `反映${firm.name}拖欠工资${months}个月`,
      body: intro + twist,
      extras: [
        `${c.we}找过${place.town.name}劳动保障所，说会去协调，后来就没有消息了。`,
        c.collective || !c.me.male
          ? c.p(
              '我们大部分是附近村里的妇女，家里老人孩子都指望这份工资。',
              '现在房贷断供了，银行天天打电话催。',
            )
          : '现在房贷断供了，银行天天打电话催。',
      ],
      ask: c.p(
        `督促${firm.short}尽快支付拖欠的工资`,
        `依法查封厂里的设备，优先保障${us}的工资`,
        `帮${us}把工资要回来`,
      ),
      demands: c.collective
        ? `要求${firm.name}支付拖欠全体职工${months}个月的工资。`
        : `要求${firm.name}支付拖欠的${months}个月工资${money(c, owe)}。`,
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
      headcount: staff,
    };
  },
};

const socialInsurance: Scenario = {
  id: 'labor.socialInsurance',
  domain: 'labor',
  category: 'claim',
  weight: 4,
  collectiveRate: 0.2,
  build(c) {
    const place = pickPlace(c, 'any');
    const firm = company(c, c.p('factory', 'logistics', 'retail', 'restaurant'));
    const years = c.int(2, 11);
    const peers = c.int(12, 80);
    const body = c.p(
      `${c.I}在${townName(c, place)}${firm.name}干了${num(c, years)}年多，公司一次社保都没给${c.I}交过，车间${num(c, peers)}多个人大部分都没有。`,
      `${c.I}${yearText2(c)}入职${firm.name}，劳动合同上写着缴纳五险，最近去社保中心一查，公司${c.p('只交了两年', '从去年开始就断缴了', '是按最低档交的')}。`,
    );
    const twist = c.p(
      `跟主管提过，主管说交社保要从工资里扣，大家都不愿意。${c.I}从来没签过什么放弃社保的声明。`,
      `公司说是${c.I}自己签了自愿放弃的声明，可那是入职的时候夹在一堆材料里让签的，根本没说清楚。`,
      `${c.I}今年${c.me.age}岁了，再过几年就该退休，社保断了将来拿不到养老金。`,
    );
    return {
      title: `反映${firm.name}未依法缴纳社会保险`,
      body: body + twist,
      extras: ['打过12333咨询，说可以向劳动监察投诉，但公司那边一直拖着。'],
      ask: `责令${firm.short}依法为${c.collective ? c.we : c.I}补缴社会保险`,
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
      headcount: peers,
    };
  },
};

function yearText2(c: Ctx): string {
  return `${c.today.y - c.int(1, 8)}年`;
}

const workInjury: Scenario = {
  id: 'labor.injury',
  domain: 'labor',
  category: 'claim',
  weight: 4,
  build(c) {
    const place = pickPlace(c, 'any');
    const [kind, hurt] = c.rng.pick([
      ['logistics', '卸货时被叉车撞伤，右腿骨折'],
      ['logistics', '搬货时从货车上摔下来，摔断了锁骨'],
      ['factory', '左手卷进机器，断了两根手指'],
      ['factory', '被冲床压伤了右手'],
      ['construction', '从脚手架上摔下来，腰椎压缩性骨折'],
      ['construction', '被掉下来的钢管砸伤了头'],
      ['stone', '被切割机划伤了大腿，缝了三十多针'],
    ] as const);
    const firm = company(c, kind);
    const when = dayText(c, 40, 300);
    const relative = c.p('丈夫', '儿子', '父亲', '弟弟');
    const body = c.chance(0.4)
      ? `${c.my}${relative}${when}在${townName(c, place)}${firm.name}干活时${hurt.replace(/^(卸货时|搬货时)/, '')}，住院花了${money(c, amount(c, 20000, 120000, 100))}，公司只垫付了${money(c, amount(c, 3000, 15000, 1000))}。`
      : `${c.I}${when}在${townName(c, place)}${firm.name}上班时${hurt.replace(/^(卸货时|搬货时)/, '')}，住院${num(c, c.int(12, 60))}天，医药费大部分是${c.I}自己借钱交的。`;
    const twist = c.p(
      '公司不给申请工伤认定，理由是没签劳动合同，说是临时工。',
      '公司说是自己操作不当，只同意给几千块钱私了。',
      '工伤认定已经下来了，可公司一直不配合做劳动能力鉴定，补助金一分没拿到。',
      '老板说公司没买工伤保险，要赔让去法院告。',
    );
    return {
      title: `反映${firm.name}拒不承担工伤责任`,
      body: body + twist,
      extras: [
        c.p('现在干不了重活，一家人的生活全靠家里人打零工。', '出院以后一直在家养伤，没有任何收入。'),
        '想问一下个人能不能自己申请工伤认定，需要什么材料。',
      ],
      ask: c.p('督促公司依法申报工伤并支付工伤待遇', `帮助${c.I}申请工伤认定，让公司承担医疗费和误工费`),
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const dismissal: Scenario = {
  id: 'labor.dismissal',
  domain: 'labor',
  category: 'claim',
  weight: 3,
  build(c) {
    const place = pickPlace(c, 'urban');
    const firm = company(c, c.p('retail', 'factory', 'restaurant', 'training', 'logistics'));
    const years = c.int(2, 12);
    const reason = c.p(
      `${c.I}怀孕${num(c, c.int(3, 6))}个月，公司以“岗位调整”为由让${c.I}走人`,
      `公司说经营困难要裁员，口头通知${c.I}第二天不用来了`,
      `${c.I}因为加班费的事跟主管争了几句，第二天就被以旷工为由辞退了`,
      `公司把${c.I}调到几十公里外的仓库上班，${c.I}不同意就说${c.I}自动离职`,
    );
    return {
      title: `反映${firm.name}违法解除劳动合同`,
      body: `${c.I}在${firm.name}工作了${num(c, years)}年，${ym(c, c.int(1, 4))}${reason}，没有任何经济补偿。${c.p('公司连离职证明都不给开，新单位入职办不了。', '工资也只结到上个月15号，后半个月的不给了。', '')}`,
      extras: [`${c.I}去劳动仲裁咨询过，说要准备材料，可公司把考勤记录都删了。`],
      ask: c.p(`督促${firm.short}依法支付经济补偿`, '查处公司违法解除劳动合同的行为'),
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const agencyDeposit: Scenario = {
  id: 'labor.agency',
  domain: 'labor',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'urban');
    const agency = company(c, 'agency');
    c.me.age = c.int(19, 30);
    return {
      title: `反映${agency.name}扣押身份证和押金`,
      body: `${c.I}通过${agency.name}被派到一家${c.p('电子厂', '食品厂', '物流园')}上班，入职时交了${money(c, amount(c, 500, 1500, 100))}押金和体检费，公司还把${c.my}的身份证原件收走了，说干满三个月才退。现在${c.I}干了${num(c, c.int(1, 2))}个月不想干了，他们不退押金也不还身份证，说违约要扣钱。`,
      extras: [`没有身份证${c.I}连火车票都买不了，租房也办不了。`],
      ask: `督促${agency.short}退还身份证和押金`,
      respondent: { name: agency.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
      fromElsewhere: true,
    };
  },
};

const sanitation: Scenario = {
  id: 'labor.outsourcing',
  domain: 'labor',
  category: 'claim',
  weight: 2,
  collectiveRate: 0.6,
  build(c) {
    const place = pickPlace(c, 'seat');
    const firm = company(c, 'cleaning');
    const n = c.int(12, 40);
    c.me.age = c.int(50, 64);
    const pay = amount(c, 1800, 2600, 100);
    const who = c.collective
      ? c.v(
          `我们是${place.town.name}的${num(c, n)}名环卫工人，`,
          `其系${place.town.name}${n}名环卫工人的代表，`,
        )
      : c.v(`我是${place.town.name}的环卫工人，`, `其系${place.town.name}环卫工人，`);
    return {
      title: `环卫工人反映${firm.name}拖欠工资和社保`,
      body: `${who}镇里把保洁外包给${firm.name}以后，公司从${ym(c, c.int(3, 7))}起就没给${c.we}交社保了，${ym(c, 2)}和${ym(c, 1)}的工资也拖着没发，每人每月${money(c, pay)}。找公司，公司说镇里的服务费没拨下来；找镇里，镇里说钱已经付了。`,
      extras: [`${c.we}大多五六十岁了，天不亮就上街扫地，就挣这点辛苦钱。`],
      ask: '查清服务费到底卡在哪里，尽快把工资和社保补上',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
      headcount: n,
    };
  },
};

const overtime: Scenario = {
  id: 'labor.overtime',
  domain: 'labor',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'urban');
    const firm = company(c, c.p('restaurant', 'retail', 'logistics'));
    const hours = c.int(11, 14);
    return {
      title: `反映${firm.name}长期超时加班不付加班费`,
      body: `${c.I}在${townName(c, place)}${firm.name}上班，每天工作${num(c, hours)}个小时，一个月只休两天，从来没有加班费。入职时签的合同上写的是八小时工作制，月薪${money(c, amount(c, 3000, 4500, 100))}，可实际每天都要干到晚上${c.p('十点', '十一点', '十二点')}以后。谁提出来就扣绩效，说不想干可以走。`,
      ask: '查处公司违法延长工作时间的问题，督促支付加班费',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const inspectorAccusation: Scenario = {
  id: 'labor.accuse.inspector',
  domain: 'labor',
  category: 'accusation',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'any');
    const hrss = countyUnit(place, 'hrss');
    const name = `${place.county.name}人力资源和社会保障局`;
    const official = `${name}劳动保障监察大队工作人员${someone(c)}`;
    return {
      title: `举报${name}监察人员包庇欠薪企业`,
      body: `${c.I}${ym(c, c.int(2, 6))}到${place.county.name}劳动保障监察大队投诉${townName(c, place)}一个工地欠薪，接待的${official.slice(-2)}让${c.I}回去等通知，等了${num(c, c.int(2, 4))}个月没有任何消息。后来听工友说，包工头请${official.slice(-2)}吃过饭、送过烟酒，所以${c.our}投诉一直压着不办。${c.v('我不知道是不是真的，但是他对我们的态度很差，打电话过去就说在走程序。', `${c.S}称对方态度很差，打电话询问只说在走程序。`)}`,
      ask: `查清${official.slice(-2)}有没有收受包工头好处、压案不办的问题`,
      respondent: { name: official, unitId: hrss },
      place,
      suggestedUnitId: cityUnit('discipline'),
    };
  },
};

const minorsAccusation: Scenario = {
  id: 'labor.accuse.minors',
  domain: 'labor',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'any');
    const firm = company(c, c.p('retail', 'factory', 'restaurant'));
    return {
      title: `举报${firm.name}招用未成年人`,
      body: `${c.v('我举报', '举报')}${townName(c, place)}${firm.name}以暑期实习的名义招用多名未满16周岁的初中生，每天工作${num(c, c.int(10, 12))}小时以上，每小时工资只有${num(c, c.int(7, 10))}元，还不让请假。${c.v('我家孩子', '来电人的孩子')}就在其中，回来说车间里还有更小的孩子。${c.v('我', '来电人')}要求对${c.my}身份保密。`,
      ask: '依法查处该公司使用童工的问题',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const laborSuggestion: Scenario = {
  id: 'labor.suggest',
  domain: 'labor',
  category: 'suggestion',
  weight: 4,
  build(c) {
    const place = pickPlace(c, 'any');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议在建设工地设立农民工工资公示牌',
        '建议在全市所有在建工地大门口设立农民工工资公示牌，写明总包单位、劳务分包单位、工资专户开户行和劳动监察投诉电话，每月把工资发放情况张贴出来。很多工友根本不知道有工资专户这回事，被拖欠了也不知道找谁。希望人社部门考虑。',
        '建议在建设工地设立农民工工资公示牌。',
      ],
      [
        '建议劳动仲裁开设晚间和周末受理窗口',
        `建议劳动人事争议仲裁院在${place.county.name}开设晚间和周末受理窗口。在工厂上班的人白天请不了假，请一天假就扣一天工资，很多人宁可不维权。能不能像医院一样搞个预约，或者在网上就能提交材料？`,
        '建议劳动仲裁开设晚间、周末窗口并开通网上申请。',
      ],
      [
        '建议加大对欠薪行为的惩戒力度',
        '建议把拖欠农民工工资的企业和包工头列入失信名单并在网上公开，让他们在招投标和贷款时受到限制。现在欠薪成本太低，罚款还没有拖着不给划算，老实人吃亏。',
        '建议将欠薪企业和包工头列入失信名单并公开。',
      ],
      [
        `建议在${place.town.name}设立劳务维权服务点`,
        `${c.v('我们', '')}${place.town.name}在外打工的人很多，建议镇里设一个劳务维权服务点，请律师定期坐班，帮工友写仲裁申请、算加班费和经济补偿。很多人不识字，根本不知道怎么维权。`,
        `建议在${place.town.name}设立劳务维权服务点，提供免费法律咨询。`,
      ],
    );
    return {
      title,
      body,
      closed: true,
      ask: '',
      demands,
      respondent: null,
      place,
      suggestedUnitId: cityUnit('hrss'),
    };
  },
};

const laborJudgment: Scenario = {
  id: 'labor.litigation.enforcement',
  domain: 'labor',
  category: 'claim',
  weight: 4,
  litigationRelated: true,
  build(c) {
    const place = pickPlace(c, 'any');
    const firm = company(c, c.p('stone', 'construction', 'factory', 'mining'));
    const court = `${place.county.name}人民法院`;
    const award = amount(c, 30000, 180000, 100);
    const caseYear = c.int(1, 3);
    const arbitration = c.chance(0.4);
    const core = arbitration
      ? `${c.I}和${firm.name}的劳动争议，${yearText3(c, caseYear)}劳动仲裁裁决公司支付${c.my}工资和经济补偿共${money(c, award)}，公司不服起诉，${court}一审维持了裁决，判决早已生效。`
      : `${c.I}${yearText3(c, caseYear + 1)}在${townName(c, place)}${firm.name}干活时${c.p('被石头砸断了左手三根手指', '从高处摔下落下残疾', '伤了眼睛')}，评了${c.p('八', '九', '七')}级伤残。老板不给赔，${c.I}到法院起诉，${court}判老板赔${c.I}${money(c, award)}。`;
    const stuck = c.p(
      `可是判了快${num(c, caseYear + 1)}年了一分钱没拿到，法院说公司名下没有财产，执行不了。${c.p('厂子早就换了名字接着开。', '老板还开着好车在外面做生意。')}`,
      `${c.I}申请了强制执行，执行法官说账上没钱，让回家等消息，到现在${c.p('快一年', '一年多', '大半年')}了。`,
    );
    return {
      title: `反映${firm.short}拒不履行${arbitration ? '仲裁裁决' : '法院判决'}`,
      body: core + stuck,
      extras: [`${c.I}现在干不了重活，一家人靠${c.p('老婆打零工', '低保', '亲戚接济')}过日子。`],
      ask: c.p('督促法院依法执行，让判决早日兑现', '过问一下执行的事，帮我们拿到赔偿款'),
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

function yearText3(c: Ctx, yearsAgo: number): string {
  return yearsAgo === 1 && c.chance(0.6) ? '去年' : `${c.today.y - yearsAgo}年`;
}

export const laborScenarios: Scenario[] = [
  wageConstruction,
  wageFactory,
  socialInsurance,
  workInjury,
  dismissal,
  agencyDeposit,
  sanitation,
  overtime,
  inspectorAccusation,
  minorsAccusation,
  laborSuggestion,
  laborJudgment,
];
