// Housing (房地产) and land (征地拆迁补偿).

import {
  amount,
  cityUnit,
  company,
  countyUnit,
  dayText,
  estate,
  flat,
  fullPlaceName,
  money,
  num,
  about,
  pickPlace,
  someone,
  townGovernment,
  townName,
  villageName,
  ym,
  yearText,
} from './kit';
import type { Ctx, Place, Scenario } from './kit';

function projectOf(c: Ctx): { place: Place; dev: ReturnType<typeof company>; estateName: string } {
  const place = c.shared('place', () => pickPlace(c, c.chance(0.75) ? 'urban' : 'seat'));
  const dev = c.shared('dev', () => company(c, 'developer'));
  const estateName = c.shared('estate', () => estate(c, dev.short.replace(/公司$/, '')));
  return { place, dev, estateName };
}

const deliveryDelay: Scenario = {
  id: 'housing.delivery',
  domain: 'housing',
  category: 'claim',
  weight: 8,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const bought = c.shared('bought', () => c.int(2, 4));
    const due = c.shared('due', () => c.int(5, 18));
    const owners = c.shared('owners', () => c.int(30, 400));
    const loan = amount(c, 2200, 6800, 100);
    const rent = amount(c, 900, 2200, 100);
    const where = `${townName(c, place)}${estateName}`;
    const intro = c.collective
      ? `${c.v(`我们是${where}的${num(c, owners)}户购房业主，`, `其系${where}${owners}户购房业主的代表，`)}${yearText(c, bought)}买了${dev.name}开发的房子，合同约定${ym(c, due)}交房，到现在${c.p('工地已经停工大半年了', '主体才建到一半', '还是一片烂尾')}。`
      : c.p(
          `${c.I}${yearText(c, bought)}买了${dev.name}开发的${where}，合同约定${ym(c, due)}交房，到现在延期${due > 12 ? '一年多' : '大半年'}了还没交付，售楼处说是资金紧张。`,
          `${c.v('我是', '其系')}${where}的购房者，合同约定${ym(c, due)}底交房，至今工地仍处于停工状态，开发商${dev.short}一再拖延，售楼处也已关门。`,
        );
    const burden = c.collective
      ? `${c.we}大多数人都是贷款买房，一边还房贷一边租房住，压力非常大。`
      : `${c.I}每个月还着房贷${money(c, loan)}，还要另外付房租${money(c, rent)}${c.p('，孩子上学的事也耽误了。', '，生活压力极大。', '。')}`;
    return {
      title: c.collective ? `${estateName}业主反映逾期未交房` : `反映${dev.name}逾期交房`,
      body: intro + burden,
      extras: [
        c.p(
          '听工人说开发商把预售款挪到外地去开发别的楼盘了。',
          '我们去问监管银行，银行说资金监管账户的钱早就按进度拨出去了。',
          '开发商每次开会都说下个月复工，结果一次也没兑现。',
        ),
        `${c.we}找过${place.county.name}住建局，说已经成立了专班，可到现在没看到任何进展。`,
      ],
      ask: c.p(
        `督促${dev.short}尽快复工交房`,
        '出面协调，督促开发商尽快复工，并公开预售资金的使用情况',
        '督促开发商按合同交房并支付逾期交房违约金',
      ),
      respondent: { name: dev.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: owners,
      fromElsewhere: c.chance(0.3),
    };
  },
};

const qualityDefects: Scenario = {
  id: 'housing.quality',
  domain: 'housing',
  category: 'claim',
  weight: 5,
  collectiveRate: 0.15,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const defect = c.p(
      '客厅和卧室的墙体多处开裂，裂缝能塞进硬币',
      '飘窗一下雨就往屋里渗水，墙皮都泡掉了',
      '地暖管漏水，把木地板全泡坏了，楼下邻居家的天花板也被泡了',
      '地下车库大面积渗水，墙面长满霉斑，外墙瓷砖也多处脱落',
      '卫生间楼板渗漏，楼下住户天天找上门',
    );
    const body = `${c.I}家住${townName(c, place)}${estateName}${flat(c)}，${yearText(c, c.int(0, 2))}交房，${c.p('住进去不到一年', '刚装修完', '入住没几个月')}就发现${defect}。`;
    const push = c.p(
      `找开发商${dev.short}，他们说是施工单位的问题，让找施工单位；施工单位说保修期内应该找开发商，两边踢皮球${c.p('一个多月', '三个多月', '半年')}了。`,
      '报修了很多次，开发商只派人做表面处理，抹一层腻子就走，过几天裂缝又出来了。',
      '物业说要开发商出钱，开发商说在走流程，到现在没人管。',
    );
    return {
      title: `反映${estateName}房屋质量问题`,
      body: body + push,
      extras: [
        '现在还在保修期内，开发商应该负责维修。',
        c.p('前几天外墙瓷砖掉下来，差点砸到一个小孩。', '家里有老人孩子，住着提心吊胆。'),
      ],
      ask: c.p('督促开发商彻底维修', '组织对房屋质量进行鉴定，督促开发商限期整改'),
      respondent: { name: dev.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(10, 80),
    };
  },
};

const certificate: Scenario = {
  id: 'housing.certificate',
  domain: 'housing',
  category: 'claim',
  weight: 3,
  collectiveRate: 0.45,
  clusterable: true,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const owners = c.shared('owners', () => c.int(40, 300));
    const intro = c.collective
      ? c.v(
          `我们是${townName(c, place)}${estateName}的业主，代表${num(c, owners)}户业主反映：`,
          `其系${townName(c, place)}${estateName}业主代表，代表${owners}户业主反映：`,
        )
      : c.v(`我是${townName(c, place)}${estateName}的业主，`, `其系${townName(c, place)}${estateName}业主，`);
    const reason = c.p(
      '开发商说小区有部分楼栋超规划面积建设，规划验收通不过',
      '开发商欠着土地出让金没交清，办不了首次登记',
      '开发商说要等配套的幼儿园建完才能综合验收',
    );
    return {
      title: `${estateName}业主反映无法办理不动产权证`,
      body: `${intro}小区${yearText(c, c.int(3, 6))}交房，至今办不了不动产权证。业主多次询问，${reason}。没有证，孩子上学落不了户，房子也没法抵押和出售。`,
      extras: ['业主认为这是开发商的违规行为，不应由我们业主承担后果。'],
      ask: '协调相关部门先行为合规楼栋办证，督促开发商补交欠款、完善手续',
      respondent: { name: dev.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: owners,
    };
  },
};

const falsePromise: Scenario = {
  id: 'housing.promise',
  domain: 'housing',
  category: 'claim',
  weight: 3,
  collectiveRate: 0.25,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const [promised, became] = c.rng.pick([
      ['小区内有一所幼儿园', '原来规划幼儿园的位置盖成了一栋商业楼，正在招租'],
      ['小区中间有一个中心花园', '中心花园的位置变成了临时停车场，还要收费'],
      ['小区旁边有两千平方米的社区公园', '规划图上根本没有这个公园，售楼处说那只是效果图'],
      ['每户配一个地下车位', '车位根本不够，开发商还要单独卖十几万一个'],
    ] as const);
    return {
      title: `反映${dev.short}擅自变更规划、虚假宣传`,
      body: `${c.we}在${townName(c, place)}${estateName}买房时，售楼处的沙盘和宣传册上都写着${promised}，很多人就是冲着这个买的。今年交房后发现，${became}。`,
      extras: [`请问开发商${dev.name}有没有权利擅自更改规划？规划部门是否批准过？`],
      ask: '查清开发商是否擅自变更规划，给业主一个说法',
      respondent: { name: dev.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(20, 200),
    };
  },
};

const presaleAccusation: Scenario = {
  id: 'housing.accuse.presale',
  domain: 'housing',
  category: 'accusation',
  weight: 2,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const body = c.p(
      `${c.v('我举报', '举报')}${townName(c, place, true)}${estateName}项目的开发商${dev.name}在没有取得预售许可证的情况下，以“内部认购”“VIP卡”名义收取购房款，首付一次性打到销售经理个人账户。${c.v('我身边', '据来电人称')}已有十几个人交了钱，少的十万，多的三十万。`,
      `${c.v('我举报', '举报')}${dev.name}挪用${estateName}项目的预售资金。该项目${yearText(c, 2)}开盘，卖出去三百多套，预售款按理说应该进监管账户，可工地${ym(c, c.int(2, 6))}就停工了，工人说开发商把钱调到外地去了。`,
    );
    return {
      title: `举报${dev.short}违规收取购房款`,
      body,
      extras: ['担心开发商卷款跑路，越拖损失越大。'],
      ask: '尽快查处，追究相关人员责任',
      respondent: { name: dev.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const rentalAgency: Scenario = {
  id: 'housing.rental',
  domain: 'housing',
  category: 'claim',
  weight: 2,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'urban'));
    const firm = c.shared('firm', () => company(c, 'rental'));
    c.me.age = c.int(22, 35);
    return {
      title: `反映${firm.name}收取租金后失联`,
      body: `${c.I}${ym(c, c.int(3, 8))}通过${firm.name}在${townName(c, place)}租了一套房子，按它们的要求一次性交了一年房租${money(c, amount(c, 9600, 24000, 100))}。上个月房东突然找上门，说公司已经${c.p('两个月', '三个月', '半年')}没给他付租金了，让${c.I}要么搬走要么重新交钱。公司的门店已经关门，客服电话也打不通。`,
      extras: ['听说跟我一样情况的租客有好几十户。'],
      ask: '查处这家公司，帮租客追回租金',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const publicHousing: Scenario = {
  id: 'housing.publicRental',
  domain: 'housing',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'urban');
    const unitId = countyUnit(place, 'housing');
    return {
      title: '反映公租房申请长期无结果',
      body: `${c.I}是${townName(c, place)}的${c.p('低收入家庭', '残疾人家庭', '新就业的大学生')}，${yearText(c, 1)}向${place.county.name}住建局申请公租房，材料都交齐了，公示也过了，可一直说没有房源，让排队。问排到第几了，工作人员说不能告诉${c.I}。${c.I}听说有的人比${c.I}晚申请，已经住进去了。`,
      ask: '公开公租房轮候名单和分配情况，尽快给我们安排',
      respondent: { name: `${place.county.name}住房和城乡建设局`, unitId },
      place,
      suggestedUnitId: unitId,
    };
  },
};

const housingCourt: Scenario = {
  id: 'housing.litigation',
  domain: 'housing',
  category: 'claim',
  weight: 2,
  litigationRelated: true,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const court = `${place.county.name}人民法院`;
    return {
      title: `反映与${dev.short}购房合同纠纷案久拖不决`,
      body: `${c.I}与${dev.name}的商品房买卖合同纠纷，${ym(c, c.int(12, 20))}就向${court}起诉了，要求解除合同退还购房款。一年多了，案子还在审理，一会儿说要鉴定，一会儿说开发商申请延期。${c.my}一家${c.p('五口', '四口', '三代人')}现在挤在老房子里，买房的钱都是借的，每个月光利息就要还${money(c, amount(c, 1500, 3500, 100))}。`,
      extras: [`${estateName}像${c.I}这样起诉的还有好几家。`],
      ask: '关注一下这个案件的进度，让法院尽快判决',
      respondent: { name: dev.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const housingSuggestion: Scenario = {
  id: 'housing.suggest',
  domain: 'housing',
  category: 'suggestion',
  weight: 3,
  build(c) {
    const place = pickPlace(c, 'urban');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议建立停工楼盘信息公开平台',
        '建议政府对全市停工、缓建的楼盘建立一个信息公开平台，每个项目每月公布一次施工进度、复工计划和资金情况。现在购房者只能靠业主群里的小道消息，越传越乱，大家心里越慌。信息公开了，谣言自然就少了。',
        '建议建立停工楼盘信息公开平台，按月公布进度。',
      ],
      [
        '关于加强商品房预售资金监管的建议',
        '建议住建部门要求每个在售楼盘在售楼处显著位置公示预售资金监管银行和账号，购房款只能打进监管账户，打到个人账户的一律不算数，并且在网上能查到每笔资金拨付的情况。',
        '建议公示预售资金监管账户并公开资金拨付情况。',
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
      suggestedUnitId: cityUnit('housing'),
    };
  },
};

const housingOfficial: Scenario = {
  id: 'housing.accuse.official',
  domain: 'housing',
  category: 'accusation',
  weight: 1,
  build(c) {
    const { place, dev, estateName } = projectOf(c);
    const unitId = countyUnit(place, 'housing');
    const official = `${place.county.name}住房和城乡建设局质量安全科科长${someone(c)}`;
    return {
      title: '举报住建局工作人员包庇开发商',
      body: `${c.v('实名举报', '举报')}${official}：${estateName}房屋质量问题${c.we}投诉了半年多，${official.slice(-2)}每次都说已经责令开发商整改，但从来没有到现场看过。有业主看到他和${dev.short}老板一起吃饭、打牌。${c.we}怀疑他收受了开发商的好处，包庇开发商。`,
      ask: '调查其是否收受开发商好处',
      respondent: { name: official, unitId },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: cityUnit('discipline'),
    };
  },
};

// ---------- land ----------

const compensation: Scenario = {
  id: 'land.compensation',
  domain: 'land',
  category: 'claim',
  weight: 5,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, c.chance(0.7) ? 'rural' : 'urban'));
    const project = c.shared('project', () =>
      c.p(
        '工业园扩区',
        '高速公路连接线',
        '物流园',
        '城市新区道路',
        '棚户区改造',
        '高铁站站前广场',
        '污水处理厂',
      ),
    );
    const households = c.shared('households', () => c.int(15, 120));
    const gov = townGovernment(c, place);
    const area = c.int(80, 320);
    const standard = amount(c, 1800, 4200, 100);
    const neighbour = standard + amount(c, 400, 1500, 100);
    const where = villageName(c, place);
    const rural = place.village?.kind === 'village';
    const office = place.town.kind === 'street' ? '街道' : '镇里';
    const folk = rural ? '村民' : '居民';
    const intro = c.collective
      ? c.v(`我们是${where}的${num(c, households)}户${folk}，`, `其系${where}${households}户被征收户的代表，`)
      : c.v(`我家在${where}，`, `其家在${where}，`);
    const cores = [
      `房屋在${project}征收范围内。${c.collective ? '我们的房子' : `${c.my}家${num(c, area)}平方米的房子`}按每平方米${money(c, standard)}补偿，可同一批隔壁${c.p('组', '村', '片区')}的按${money(c, neighbour)}，差了一大截，问为什么，${office}说评估公司定的。`,
      `${yearText(c, 1)}因为${project}征收，${c.my}家${c.p('的二层楼', '的老宅', '的门面房')}被认定为${num(c, area)}平方米，可${c.p('后面加盖的两间房', '二楼', '院子里的厨房和杂物间')}说是违建，一分钱不给补，可那是${c.p('九几年', '二〇〇几年', '几十年前')}就建好的。`,
    ];
    if (rural) {
      cores.push(
        `${project}征收${c.our}组耕地${num(c, c.int(50, 300))}亩，按公示标准每亩补偿${money(c, amount(c, 36000, 68000, 1000))}，可到现在${c.p('只发了一半', '一分钱还没发到户', '青苗费和地上附着物补偿没有兑现')}。`,
      );
    }
    const core = c.rng.pick(cores);
    return {
      title: c.collective
        ? `${place.village?.name ?? place.town.name}${folk}反映征收补偿标准不一`
        : `反映${project}征收补偿不合理`,
      body: intro + core,
      extras: [
        `${c.we}找过${office}很多次，每次都说在研究。`,
        c.p('听说有的人家托了关系，补偿就多了。', '评估报告我们一直没见到，要了几次都不给。'),
      ],
      ask: c.p(
        '公开补偿标准和评估报告，按同一标准补偿',
        '重新核实面积，依法给予补偿',
        `督促${office}尽快把补偿款发到户`,
      ),
      respondent: gov,
      place,
      address: `${fullPlaceName(place)}（${project}征收范围）`,
      suggestedUnitId: countyUnit(place, 'land'),
      headcount: households,
    };
  },
};

const forcedDemolition: Scenario = {
  id: 'land.forced',
  domain: 'land',
  category: 'claim',
  weight: 2.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const gov = townGovernment(c, place);
    const when = dayText(c, 20, 120);
    return {
      title: '反映房屋未签协议被强行拆除',
      body: `${c.my}家位于${villageName(c, place)}，房屋在征收范围内，因补偿协议没谈妥，一直没签字。${when}凌晨${c.p('四', '五', '三')}点左右，一伙不明身份的人闯进家里，把${c.my}家人拉出门外，用挖掘机把房子推倒了，屋里的家具、家电${c.p('和现金', '和粮食', '')}全部被埋。事后镇里说是施工单位误拆。`,
      extras: [`${c.my}家现在借住在亲戚家，老人气得住了院。`],
      ask: '查清责任，追究相关人员，赔偿损失',
      respondent: gov,
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

const transitionFees: Scenario = {
  id: 'land.transition',
  domain: 'land',
  category: 'claim',
  weight: 2,
  collectiveRate: 0.2,
  build(c) {
    const place = pickPlace(c, 'urban');
    const gov = townGovernment(c, place);
    const years = c.int(3, 5);
    return {
      title: '反映拆迁安置房逾期未交付、过渡费停发',
      body: `${c.my}家是${townName(c, place)}棚户区改造的拆迁户，${yearText(c, years)}签协议时说好安置房两年内建成交付，过渡期内每月发临时安置费${money(c, amount(c, 1200, 2200, 100))}。现在已经过去${num(c, years)}年了，安置房还没建好，而且从${ym(c, c.int(2, 6))}起过渡费也停发了，说是超过了协议约定的过渡期。`,
      extras: ['安置房拖期是政府的原因，不是我们的责任，凭什么停发过渡费？', '我们一家老小还在外面租房。'],
      ask: '恢复发放过渡费，公布安置房交付时间',
      respondent: gov,
      place,
      suggestedUnitId: countyUnit(place, 'land'),
      headcount: c.int(20, 90),
    };
  },
};

const contractLand: Scenario = {
  id: 'land.contract',
  domain: 'land',
  category: 'claim',
  weight: 2.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const committee = `${place.village?.name ?? ''}村民委员会`;
    const mu = (c.int(15, 90) / 10).toFixed(1);
    return {
      title: '反映村委会强行收回承包地',
      body: `${c.my}家在${villageName(c, place)}有${mu}亩承包地，承包合同到${c.today.y + c.int(3, 8)}年才到期。${ym(c, c.int(1, 5))}村委会说要搞土地整合，把${c.my}家的地收回去统一流转给种植大户，流转费每亩只给${num(c, c.int(200, 450))}元，也没跟${c.I}商量就把地推平了。`,
      extras: [`${c.I}不同意流转，地是${c.my}家的命根子。`],
      ask: '责令村委会把地还给我家',
      demands: '要求村委会归还承包地，赔偿青苗损失。',
      respondent: { name: committee, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

const withheldCompensation: Scenario = {
  id: 'land.accuse.withheld',
  domain: 'land',
  category: 'accusation',
  weight: 2.5,
  collectiveRate: 0.45,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'rural'));
    const secretary = c.shared('secretary', () => `${place.village?.name ?? ''}党支部书记${someone(c)}`);
    const mu = c.shared('mu', () => c.int(80, 320));
    const households = c.shared('households', () => c.int(20, 90));
    const std = c.shared('std', () => amount(c, 42000, 60000, 1000));
    const paid = std - amount(c, 6000, 15000, 1000);
    const group = c.shared('group', () => c.p('一组', '二组', '三组', '四组'));
    const where = villageName(c, place);
    const intro = c.collective
      ? c.v(
          `我们是${where}${group}的${num(c, households)}户村民，现实名举报村`,
          `其系${where}${group}${households}户村民的代表，实名举报村`,
        )
      : c.v(`我是${where}${group}村民，实名举报村`, `其系${where}${group}村民，实名举报村`);
    return {
      title: `举报${secretary}截留征地补偿款`,
      body: `${intro}${secretary.replace(/^.*村/, '')}截留征地补偿款。${yearText(c, c.int(1, 2))}征收${c.our}组耕地共${num(c, mu)}亩，按公示标准每亩补偿${money(c, std)}，可发到${c.we}手里的每亩只有${money(c, paid)}，差额部分说是留作村集体发展资金，但从来没有公布账目，也没开过村民代表大会。`,
      extras: [
        `据${c.we}了解，被截留的钱有${c.p('一百多万', '二百五十多万', '近三百万')}。`,
        `${c.we}找镇里反映过，镇里派人到村里开了个会，之后就没有下文了。`,
      ],
      ask: '彻查补偿款去向，把钱发还给村民',
      respondent: { name: secretary, unitId: null },
      place,
      suggestedUnitId: cityUnit('discipline'),
      headcount: households,
    };
  },
};

const farmlandOccupied: Scenario = {
  id: 'land.accuse.occupation',
  domain: 'land',
  category: 'accusation',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const firm = company(c, c.p('stone', 'recycling', 'logistics', 'agriCompany'));
    return {
      title: `举报${firm.short}非法占用耕地`,
      body: `${c.v('我举报：', '')}${villageName(c, place)}${c.p('东边', '村口', '河滩边')}的一片基本农田被${firm.name}占用，用来${c.p('堆放石料和建加工棚', '建仓库和停车场', '硬化成场地')}，已经有${about(c, c.int(10, 60))}多亩，机器日夜开工。据说是村里私下租给他们的，没有任何审批手续。`,
      ask: '依法查处，恢复耕地',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

const roadOccupied: Scenario = {
  id: 'land.road',
  domain: 'land',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const gov = townGovernment(c, place);
    return {
      title: '反映修路占用宅基地未予补偿',
      body: `${villageName(c, place)}修通村公路，没有任何征收手续，也没人跟${c.my}家签协议，就把${c.my}家宅基地边上的院子占了${about(c, c.int(20, 80))}多平方米，院墙推倒了，${c.p('两棵二十多年的核桃树', '一排板栗树', '猪圈和鸡舍')}也没了。问施工队，说是县里的项目；问县里，说是镇里负责征地。`,
      ask: '明确由谁负责，依法给予补偿',
      respondent: gov,
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

const landJudgment: Scenario = {
  id: 'land.litigation',
  domain: 'land',
  category: 'claim',
  weight: 1.5,
  litigationRelated: true,
  build(c) {
    const place = pickPlace(c, 'rural');
    const gov = townGovernment(c, place);
    const total = amount(c, 150000, 600000, 1000);
    return {
      title: `反映${gov.name}不履行征收补偿判决`,
      body: `${c.my}家房屋征收补偿一案，${place.county.name}人民法院${yearText(c, 1)}已经判决${gov.name}支付补偿款及利息共计${money(c, total)}，判决已经生效。镇里到现在只付了${money(c, amount(c, 50000, 120000, 10000))}，剩下的一直说财政困难。法院说对政府机关的执行要协调。`,
      extras: ['政府自己都不执行法院判决，老百姓还能相信谁？'],
      ask: '督促镇政府履行判决',
      respondent: gov,
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const homestead: Scenario = {
  id: 'land.homestead',
  domain: 'land',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const gov = townGovernment(c, place);
    return {
      title: '反映宅基地建房审批迟迟不办',
      body: `${c.I}是${villageName(c, place)}村民，家里${c.p('老房子是土坯房，已经成了危房', '兄弟分户后一直没有宅基地', '儿子要结婚没地方住')}，${yearText(c, 1)}向村里和镇里申请在自家承包地边上建房，村里签了字，材料交到镇上就没有下文了。问了好几次，一会儿说要等国土空间规划，一会儿说指标没了。可同村有人${c.p('今年就批下来了', '没批也照样盖起来了', '在基本农田上盖了房也没人管')}。`,
      ask: '尽快给我家办理宅基地审批，给个明确答复',
      respondent: gov,
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

const landSuggestion: Scenario = {
  id: 'land.suggest',
  domain: 'land',
  category: 'suggestion',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'urban');
    return {
      title: '建议为拆迁过渡户提供周转房',
      body: `建议${place.county.name}对拆迁过渡户提供一些公租房或者周转房作为临时住所。现在过渡费每月一千多块，在城区租一套两居室都不够，老人孩子多的家庭只能租到很远的地方。如果政府能统一安排周转房，既能减轻群众负担，也能减少因为过渡问题引发的矛盾。`,
      closed: true,
      ask: '',
      demands: '建议为拆迁过渡户统一安排周转房。',
      respondent: null,
      place,
      suggestedUnitId: countyUnit(place, 'land'),
    };
  },
};

export const housingScenarios: Scenario[] = [
  deliveryDelay,
  qualityDefects,
  certificate,
  falsePromise,
  presaleAccusation,
  rentalAgency,
  publicHousing,
  housingCourt,
  housingSuggestion,
  housingOfficial,
];

export const landScenarios: Scenario[] = [
  compensation,
  forcedDemolition,
  transitionFees,
  contractLand,
  withheldCompensation,
  farmlandOccupied,
  roadOccupied,
  landJudgment,
  homestead,
  landSuggestion,
];
