// Property management (物业), environment (生态环境) and urban construction (城建).

import {
  amount,
  cityUnit,
  company,
  countyUnit,
  dayText,
  estate,
  fullPlaceName,
  money,
  num,
  about,
  oldEstate,
  pickPlace,
  road,
  someone,
  territorialUnit,
  townGovernment,
  townName,
  villageName,
  ym,
  yearText,
} from './kit';
import type { Ctx, Place, Scenario } from './kit';

// ---------- property management ----------

function estateOf(c: Ctx): { place: Place; estateName: string; pm: ReturnType<typeof company> } {
  const place = c.shared('place', () => pickPlace(c, 'urban'));
  const estateName = c.shared('estate', () => (c.chance(0.8) ? estate(c) : oldEstate(c)));
  const pm = c.shared('pm', () => company(c, 'property'));
  return { place, estateName, pm };
}

const elevator: Scenario = {
  id: 'property.elevator',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 2,
  collectiveRate: 0.5,
  clusterable: true,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    const building = c.shared('building', () => c.int(1, 16));
    const households = c.shared('households', () => c.int(24, 96));
    const floors = c.int(18, 33);
    const trapped = c.int(3, 9);
    const who = c.collective
      ? c.v(
          `我们是${townName(c, place)}${estateName}${building}号楼的${num(c, households)}户住户，联名反映`,
          `其系${townName(c, place)}${estateName}${building}号楼${households}户住户的代表，反映`,
        )
      : c.v(
          `我住在${townName(c, place)}${estateName}${building}号楼，反映`,
          `其住在${townName(c, place)}${estateName}${building}号楼，反映`,
        );
    return {
      title: `反映${estateName}电梯频繁故障`,
      body: `${who}${building}号楼电梯频繁故障的问题。今年以来电梯已经困人${num(c, trapped)}次，最长一次一个老人被困了${about(c, c.int(30, 60))}多分钟，物业的人才来。${c.our}楼有${num(c, floors)}层，住着不少老人和孕妇，电梯坏了只能爬楼梯。`,
      extras: [
        `物业公司${pm.name}每次都是临时修一下，说换主板要动用维修基金，要业主签字同意，一拖就是几个月。`,
        c.p('电梯的年检合格证都过期了还在用。', '上个月有个孩子被夹了手。'),
      ],
      ask: '督促物业和电梯维保单位彻底检修，保障大家的安全',
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}${building}号楼`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: households,
    };
  },
};

const feeHike: Scenario = {
  id: 'property.fee',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 2,
  collectiveRate: 0.35,
  clusterable: true,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    const from = c.p('1.2', '1.5', '1.6', '1.8');
    const to = (Number(from) + c.int(3, 10) / 10).toFixed(1);
    return {
      title: `反映${pm.short}擅自上调物业费`,
      body: `${townName(c, place)}${estateName}的物业${pm.name}${ym(c, c.int(1, 3))}在电梯里贴了一张通知，物业费从每平方米${from}元涨到${to}元，没有开业主大会，也没有征求业主意见。${c.p('服务还是老样子，保安经常不在岗，垃圾两三天才清一次。', '小区绿化都快死光了，楼道灯坏了几个月没人修。', '不交的就不给办门禁卡。')}`,
      extras: ['物业说这是成本上涨，可从来没公开过收支账目。'],
      ask: '责令物业撤回涨价通知，公开收支账目',
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(30, 300),
    };
  },
};

const parking: Scenario = {
  id: 'property.parking',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    return {
      title: `反映${estateName}车位只售不租`,
      body: `${c.our}小区地下车位有${about(c, c.int(200, 600))}多个，现在物业${pm.name}只卖不租，一个车位要价${num(c, c.int(8, 18))}万。很多车主买不起，只能把车停在小区外面的马路上，经常被贴罚单。地下车库一大半车位空着也不让租。小区在${townName(c, place)}${estateName}。`,
      extras: ['请问物业有没有权利拒绝出租？'],
      ask: '规范小区车位出租和收费',
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const publicIncome: Scenario = {
  id: 'property.income',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    return {
      title: '反映物业公共收益不公示',
      body: `${townName(c, place)}${estateName}物业${c.p('在楼顶私自安装了大型广告牌', '把电梯里的广告位租给了广告公司', '把小区的公共绿地改成了收费停车位', '在小区门口出租场地给商贩摆摊')}，收取的费用从来没有公示，业主问起来就说用于小区维护了。按规定公共收益属于全体业主。`,
      extras: c.chance(0.5) ? ['楼顶装广告牌还担心承重和防水受影响。'] : [],
      ask: `督促${pm.short}公开公共收益并归还业主`,
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const serviceCutoff: Scenario = {
  id: 'property.cutoff',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    return {
      title: `反映${pm.short}以停水停电催缴物业费`,
      body: `${c.I}家住${townName(c, place)}${estateName}，因为${c.p('家里漏水物业一直不修', '地下车库长期积水', '小区监控坏了家里电动车被偷')}，${c.I}有${num(c, c.int(2, 8))}个月没交物业费。${dayText(c, 3, 30)}物业${pm.name}直接把${c.my}家的${c.p('水', '电', '水电')}停了，家里有老人，${c.p('大热天', '大冷天')}受不了。物业说交齐欠费才给恢复。`,
      ask: '责令物业马上恢复供水供电',
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const ownersCommittee: Scenario = {
  id: 'property.accuse.committee',
  domain: 'propertyManagement',
  category: 'accusation',
  weight: 1,
  build(c) {
    const { place, estateName } = estateOf(c);
    const head = `${estateName}业主委员会主任${someone(c)}`;
    return {
      title: `举报${estateName}业委会主任擅自续签物业合同`,
      body: `${c.v('举报', '举报')}${townName(c, place)}${head}：今年${c.int(3, 9)}月物业服务合同到期，${head.slice(-2)}没有组织业主大会表决，擅自以业委会名义与原物业公司续签了五年合同，还把物业费从每平方1.5元提到1.8元。有业主看到物业经理给${head.slice(-2)}家送过购物卡。`,
      ask: '调查其是否收受好处，并宣布续签合同无效',
      respondent: { name: head, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

const pmHandover: Scenario = {
  id: 'property.handover',
  domain: 'propertyManagement',
  category: 'claim',
  weight: 1,
  collectiveRate: 0.4,
  build(c) {
    const { place, estateName, pm } = estateOf(c);
    return {
      title: `反映${pm.short}拒不退出小区`,
      body: `${townName(c, place)}${estateName}业主大会${ym(c, c.int(2, 6))}已经投票解聘了原物业${pm.name}，选了新物业，可原物业赖着不走，不交钥匙、不交资料，还${c.p('把门岗锁了不让新物业进', '继续向业主收物业费', '把监控室的硬盘拆走了')}。街道来协调了两次也没结果。`,
      ask: '督促原物业依法退出并移交资料',
      respondent: { name: pm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(50, 400),
    };
  },
};

// ---------- environment ----------

const factoryEmission: Scenario = {
  id: 'environment.emission',
  domain: 'environment',
  category: 'claim',
  weight: 2.5,
  collectiveRate: 0.4,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'rural'));
    const firm = c.shared('firm', () => company(c, 'chemical'));
    const households = c.shared('households', () => c.int(20, 90));
    const where = villageName(c, place);
    const who = c.collective
      ? c.v(
          `我们是${where}的${num(c, households)}户村民，联名反映`,
          `其系${where}${households}户村民的代表，反映`,
        )
      : c.v(`我家住${where}，反映`, `其家住${where}，反映`);
    return {
      title: `反映${firm.short}夜间排放刺激性气体`,
      body: `${who}${firm.name}排放臭气的问题。${ym(c, c.int(2, 8))}该厂复产以后，每天傍晚到半夜都有一股${c.p('刺鼻的臭鸡蛋味', '烧塑料的焦糊味', '酸臭味')}，风往村里吹的时候熏得人头晕恶心，晚上不敢开窗，好几个老人孩子咳嗽不止。`,
      extras: [
        `${c.we}打过好几次电话，环保来人查的时候工厂就停机，人一走又开始排。`,
        c.p('厂区后面的排水沟流出来的水也是黄的。', '村里今年种的菜叶子都发黄。'),
      ],
      ask: '对该厂进行夜间突击检查，依法处理',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('env'),
      headcount: households,
    };
  },
};

const noise: Scenario = {
  id: 'environment.noise',
  domain: 'environment',
  category: 'claim',
  weight: 2.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const source = c.p('ktv', 'site', 'bbq', 'plant');
    const addr = `${road(c)}${c.int(2, 180)}号`;
    let body: string;
    let respondent: string;
    switch (source) {
      case 'ktv':
        respondent = `${c.p('金嗓子', '欢唱', '星光', '麦霸')}KTV`;
        body = `${c.I}住在${townName(c, place)}${addr}，楼下的${respondent}每天晚上营业到凌晨${c.p('两', '三', '四')}点，低音炮震得${c.my}家地板都在抖，${c.my}孩子明年高考，根本没法休息。打过110，来了他们调小一会，走了又大声。`;
        break;
      case 'site': {
        const dev = company(c, 'construction');
        respondent = dev.name;
        body = `${townName(c, place)}${addr}旁边的工地，施工单位${dev.name}天天夜里施工，打桩机、混凝土罐车${c.p('一直干到凌晨', '半夜两三点还在响', '通宵不停')}，附近几栋楼的居民根本睡不着。问了说办了夜间施工许可，可也不能天天夜里干吧？`;
        break;
      }
      case 'bbq':
        respondent = `${c.p('老', '小', '阿')}${someone(c).replace('某', '')}烧烤`;
        body = `${townName(c, place)}${addr}的${respondent}把桌子摆到人行道上，每晚营业到凌晨三四点，划拳喝酒吵得整栋楼睡不着，油烟直往${c.my}家窗户里灌。跟老板说过几次，老板说有本事去告。`;
        break;
      default: {
        const firm = company(c, 'stone');
        respondent = firm.name;
        body = `${c.I}家离${firm.name}不到两百米，厂里切割石头从早上六点干到晚上十点，机器声吵得人心烦，粉尘满天飞，院子里晾的衣服一会就一层白灰。`;
      }
    }
    return {
      title: `反映${respondent}噪声扰民`,
      body,
      extras: [`${c.I}${c.p('老伴有高血压，这段时间天天头疼。', '已经连续失眠好几个星期了。')}`],
      ask: '派人做噪声检测，责令整改',
      respondent: { name: respondent, unitId: null },
      place,
      address: `${fullPlaceName(place)}${addr}`,
      suggestedUnitId: source === 'ktv' || source === 'bbq' ? cityUnit('urban') : cityUnit('env'),
    };
  },
};

const livestockAccusation: Scenario = {
  id: 'environment.accuse.farm',
  domain: 'environment',
  category: 'accusation',
  weight: 1.5,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'rural'));
    const farm = c.shared('farm', () => company(c, 'farm'));
    const households = c.int(10, 40);
    const who = c.collective
      ? c.v(
          `我们是${villageName(c, place)}${num(c, households)}户村民，`,
          `其系${villageName(c, place)}${households}户村民的代表，`,
        )
      : '';
    return {
      title: `举报${farm.short}偷排养殖废水`,
      body: `${who}${c.v('举报', '举报')}村${c.p('东头', '后山', '河边')}的${farm.name}偷排粪水。该场存栏${farm.name.includes('鸡') ? '上万只鸡' : farm.name.includes('牛') ? '三百多头牛' : c.p('两千多头猪', '三千多头猪')}，粪污处理池早就满了，老板晚上用水泵直接把粪水抽到河里，河水发黑发臭，鱼都死光了，下游${c.we}的稻田用这个水灌溉，秧苗都发黄。`,
      extras: [`${c.we}拍了视频，愿意提供。`],
      ask: '严肃查处偷排行为',
      respondent: { name: farm.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('env'),
      headcount: households,
    };
  },
};

const sandMining: Scenario = {
  id: 'environment.accuse.sand',
  domain: 'environment',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    return {
      title: `举报${place.town.name}河段夜间非法采砂`,
      body: `${c.v('我要举报，', '')}${c.p('青川河', '槐河', '清水河', '枫溪')}${townName(c, place)}${place.village?.name ?? ''}段有人夜间非法采砂，每天晚上十点以后有两条采砂船作业，大货车拉砂经过村里，河岸已经塌了一大片。白天看不到人，${c.p('听说老板跟镇上有关系', '去年整治过一次，风头过了又来了')}。${c.v('请为我保密。', '来电人要求对其身份保密。')}`,
      ask: '夜间突击查处',
      respondent: null,
      place,
      suggestedUnitId: cityUnit('env'),
    };
  },
};

const transferStation: Scenario = {
  id: 'environment.garbage',
  domain: 'environment',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.3,
  build(c) {
    const place = pickPlace(c, 'urban');
    const r1 = road(c);
    return {
      title: '反映垃圾中转站臭味和噪声扰民',
      body: `${townName(c, place)}${r1}的垃圾中转站离居民楼只有十几米，夏天臭味特别重，蚊蝇成群，垃圾车经常凌晨四五点来压缩装车，噪音也大。${c.p('附近还有一所幼儿园。', '住在一楼的根本不敢开窗。')}`,
      ask: '对中转站做好密闭除臭，或者迁到离居民远一点的地方',
      respondent: null,
      place,
      address: `${fullPlaceName(place)}${r1}垃圾中转站`,
      suggestedUnitId: cityUnit('urban'),
      headcount: c.int(20, 80),
    };
  },
};

const fumes: Scenario = {
  id: 'environment.fumes',
  domain: 'environment',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const shop = company(c, 'restaurant');
    return {
      title: `反映${shop.short}油烟直排`,
      body: `${c.I}家住${townName(c, place)}${road(c)}${c.int(1, 99)}号${c.int(2, 6)}楼，楼下${shop.name}的排烟管道直接对着${c.my}家窗户，没有装油烟净化器，每天中午晚上油烟熏得家里全是味，窗户玻璃一层油。${c.I}找过店老板，老板说营业执照齐全。`,
      ask: '责令饭店安装油烟净化设施、改造排烟管道',
      respondent: { name: shop.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('env'),
    };
  },
};

const envSuggestion: Scenario = {
  id: 'environment.suggest',
  domain: 'environment',
  category: 'suggestion',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'seat');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        `建议在${place.town.name}工业园附近设空气质量监测站`,
        `建议在${place.town.name}工业园附近设一个空气质量自动监测站，并把监测数据在网上公开。工业园里化工、印染企业不少，附近村民对空气质量一直有担心，有了实时数据，老百姓心里有数，企业也不敢乱排。`,
        '建议设立空气质量自动监测站并公开数据。',
      ],
      [
        '建议公开河长制巡河情况',
        `建议把${place.county.name}各条河的河长名单、巡河记录和水质检测结果放到网上公开。现在河边立着河长公示牌，可打上面的电话没人接，老百姓想反映问题都不知道找谁。`,
        '建议公开河长名单、巡河记录和水质检测结果。',
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
      suggestedUnitId: cityUnit('env'),
    };
  },
};

// ---------- urban construction ----------

const waterlogging: Scenario = {
  id: 'urban.drainage',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 2,
  collectiveRate: 0.45,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'urban'));
    const estateName = c.shared('estate', () => oldEstate(c));
    const households = c.shared('households', () => c.int(20, 120));
    const gov = townGovernment(c, place);
    const who = c.collective
      ? c.v(
          `我们是${townName(c, place)}${estateName}的${num(c, households)}户居民。`,
          `其系${townName(c, place)}${estateName}${households}户居民的代表。`,
        )
      : c.v(`我住在${townName(c, place)}${estateName}。`, `其住在${townName(c, place)}${estateName}。`);
    return {
      title: `反映${estateName}排水不畅、逢雨必涝`,
      body: `${who}${c.our}小区地势低，排水管道老化堵塞，每逢下大雨，小区里的水就漫到膝盖，一楼住户家里全部进水，家具电器泡坏了不知道多少。${dayText(c, 5, 60)}那场雨，有老人被困家中，还是邻居蹚水把人背出来的。`,
      extras: [`${c.we}向社区、街道反映了好几年，只是来清掏一下。`],
      ask: '安排资金对小区排水管网进行改造，彻底解决内涝问题',
      respondent: gov,
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: households,
    };
  },
};

const vendors: Scenario = {
  id: 'urban.vendors',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const r1 = road(c);
    return {
      title: `反映${r1}占道经营`,
      body: `${townName(c, place)}${r1}${c.p('菜市场门口', '学校门口', '地铁口', '医院门口')}每天${c.p('早上', '傍晚', '从早到晚')}都有几十个摊贩占道经营，把半条马路都占了，车过不去，人也走不了，垃圾扔一地。城管偶尔来一次，人走了又摆出来。`,
      ask: '规划摊位集中经营，把路让出来',
      respondent: null,
      place,
      address: `${fullPlaceName(place)}${r1}`,
      suggestedUnitId: cityUnit('urban'),
    };
  },
};

const renovation: Scenario = {
  id: 'urban.renovation',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.3,
  build(c) {
    const place = pickPlace(c, 'urban');
    const estateName = oldEstate(c);
    const firm = company(c, 'construction');
    return {
      title: `反映${estateName}老旧小区改造质量差、拖工期`,
      body: `${townName(c, place)}${estateName}${yearText(c, 0)}列入老旧小区改造，施工单位是${firm.name}。${c.p('外墙保温刚做完就开始脱落，', '路面挖开了三个月没人管，', '新换的水管接口天天漏水，')}${c.p('楼道里的电线还是乱拉一气', '工人说没钱了不干了', '说好的加装电梯也没了下文')}。居民找施工方，施工方说按图施工，找社区，社区说问街道。`,
      ask: '督促施工单位整改，公开改造内容和资金使用情况',
      respondent: { name: firm.name, unitId: null },
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(30, 160),
    };
  },
};

const roadRepair: Scenario = {
  id: 'urban.road',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'any');
    const r1 = road(c);
    const [title, body] = c.p<[string, string]>(
      [
        `反映${r1}路面破损`,
        `${townName(c, place)}${r1}${c.p('靠近加油站那一段', '桥头那一段', '和建设路交叉口')}路面坑坑洼洼，最大的坑有半米深，下雨积水根本看不出来，${c.p('上个月有个骑电动车的摔断了腿', '每天晚上都有车爆胎')}。反映了好几次，只是拿沙子填一下，一下雨又冲开了。`,
      ],
      [
        `反映${r1}路灯长期不亮`,
        `${townName(c, place)}${r1}${about(c, c.int(300, 900))}多米的路灯已经${c.p('两个多月', '半年', '一个冬天')}没亮了，晚上黑咕隆咚的，下夜班的工人和放晚自习的学生都走这条路，${c.p('前几天还有人被抢了包', '已经出过两次事故')}。`,
      ],
    );
    return {
      title,
      body,
      ask: '尽快维修',
      respondent: null,
      place,
      address: `${fullPlaceName(place)}${r1}`,
      suggestedUnitId: cityUnit('urban'),
    };
  },
};

const illegalBuilding: Scenario = {
  id: 'urban.illegalBuilding',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'urban' : 'seat');
    const who = c.p('一楼住户', '顶楼的住户', '隔壁邻居', '小区门口的商户');
    return {
      title: '反映邻居违章搭建',
      body: `${c.I}家住${townName(c, place)}${c.chance(0.6) ? estate(c) : oldEstate(c)}，${who}${c.p('把院子圈起来盖了两层小楼', '在楼顶加盖了一层彩钢房', '把公共绿地圈进去建了阳光房')}，挡住了${c.my}家的采光，${c.p(`还把下水管改到了${c.my}家墙边`, `雨天楼顶的水全排到${c.my}家阳台`, '消防通道也被堵了')}。${c.I}向城管举报过，城管来看了说要立案，可两个月了房子照样在盖。`,
      ask: '依法拆除违章建筑',
      respondent: null,
      place,
      suggestedUnitId: cityUnit('urban'),
    };
  },
};

const gasHeating: Scenario = {
  id: 'urban.utilities',
  domain: 'urbanConstruction',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.35,
  build(c) {
    const place = pickPlace(c, 'urban');
    const estateName = estate(c);
    const gas = c.chance(0.5);
    const supplier = gas ? '燃气公司' : '自来水公司';
    return {
      title: `反映${estateName}${gas ? '天然气' : '自来水'}迟迟不通`,
      body: `${townName(c, place)}${estateName}交房${num(c, c.int(1, 3))}年了，${gas ? '天然气管道一直没通' : '还在用施工临时水，水压小、经常停'}。开发商说配套费已经交给了${supplier}，${supplier}说开发商手续不全。${c.we}现在${gas ? '只能用液化气罐，楼里住着上百户，太不安全了' : '高楼层一到用水高峰就没水'}。`,
      ask: '协调开发商和供气供水企业尽快接通',
      respondent: null,
      place,
      address: `${fullPlaceName(place)}${estateName}`,
      suggestedUnitId: countyUnit(place, 'housing'),
      headcount: c.int(50, 400),
    };
  },
};

const officialRigging: Scenario = {
  id: 'urban.accuse.project',
  domain: 'urbanConstruction',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'seat');
    const gov = townGovernment(c, place);
    const firm = company(c, 'construction');
    const post = c.p('分管城建的副镇长', '村镇建设办主任', '城建中心主任');
    const who = someone(c);
    return {
      title: `举报${place.town.name}${post}插手工程项目`,
      body: `${c.v('我实名举报', '举报')}${gov.name}${post}${who}：${place.town.name}${c.p('集镇提升改造', '污水管网', '美丽乡村道路硬化')}工程${money(c, amount(c, 2_000_000, 9_000_000, 100_000))}，表面上是招投标，实际上早就内定给了${firm.name}，这家公司的实际老板是他${c.p('小舅子', '表弟', '老同学')}。工程质量很差，${c.p('路面铺了不到半年就开裂了', '管子埋得很浅，一下雨就冒水')}。`,
      ask: '查清招投标中的违纪违法问题',
      respondent: { name: `${gov.name}${post}${who}`, unitId: gov.unitId },
      place,
      suggestedUnitId: cityUnit('discipline'),
    };
  },
};

const urbanSuggestion: Scenario = {
  id: 'urban.suggest',
  domain: 'urbanConstruction',
  category: 'suggestion',
  weight: 3,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'seat' : 'urban');
    const r1 = road(c);
    const dest = c.p('工业园', '高铁站', '中心医院');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        `建议增设${place.county.name}城区至${place.town.name}${dest}公交线路`,
        `建议开通${place.county.name}城区到${place.town.name}${dest}的公交线路。现在那里有几千名工人和住户，每天上下班只能骑电动车或者坐黑车，冬天又冷又不安全。希望交通部门考虑开一条早晚高峰的公交。`,
        `建议开通城区至${place.town.name}${dest}的早晚高峰公交线路。`,
      ],
      [
        `建议在${r1}公园门口增设人行横道和红绿灯`,
        `建议在${townName(c, place)}${r1}的公园门口增设人行横道和红绿灯。${r1}是一条直路，很多车开得飞快，老人孩子过马路特别危险，去年就出过两次事故。再装几个测速探头和减速带就更好了。`,
        '建议增设人行横道、红绿灯和减速带。',
      ],
      [
        `建议在${r1}一带增建公共厕所`,
        `建议在${townName(c, place)}${r1}一带增建公共厕所。这一片是老城区，商铺多、来往的人多，最近的公厕要走一公里，老人和孩子很不方便，有的人只能去饭店里借厕所。`,
        '建议在老城区增建公共厕所。',
      ],
      [
        `建议利用${r1}闲置空地建临时停车场`,
        `建议利用${townName(c, place)}${r1}边上那块闲置空地建一个临时停车场。附近几个老小区没有车位，车都停在路边，晚上消防车都进不去，万一着火后果不堪设想。`,
        '建议利用闲置空地建设临时停车场。',
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
      suggestedUnitId: c.chance(0.5) ? cityUnit('urban') : territorialUnit(c, place),
    };
  },
};

const propertySuggestion: Scenario = {
  id: 'property.suggest',
  domain: 'propertyManagement',
  category: 'suggestion',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议简化住宅专项维修资金使用程序',
        `建议简化住宅专项维修资金的使用程序。现在小区电梯坏了、屋顶漏水了，要动用维修资金得先征得三分之二以上业主签字同意，很多业主常年不在家，签字要一两个月，小事拖成大事。能不能对电梯、消防这类紧急维修开个绿色通道，先修后公示？`,
        '建议对紧急维修开通维修资金使用绿色通道。',
      ],
      [
        '建议街道指导成立业主委员会',
        `${place.town.name}很多小区交房十来年了一直没有业主委员会，物业干得好不好业主说了不算，想换也换不了。建议街道和社区主动牵头，指导各小区召开业主大会、选出业委会，并定期公开物业服务合同和收支情况。`,
        '建议街道牵头指导小区成立业主委员会。',
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
      suggestedUnitId: countyUnit(place, 'housing'),
    };
  },
};

export const propertyScenarios: Scenario[] = [
  propertySuggestion,
  elevator,
  feeHike,
  parking,
  publicIncome,
  serviceCutoff,
  ownersCommittee,
  pmHandover,
];

export const environmentScenarios: Scenario[] = [
  factoryEmission,
  noise,
  livestockAccusation,
  sandMining,
  transferStation,
  fumes,
  envSuggestion,
];

export const urbanScenarios: Scenario[] = [
  waterlogging,
  vendors,
  renovation,
  roadRepair,
  illegalBuilding,
  gasHeating,
  officialRigging,
  urbanSuggestion,
];
