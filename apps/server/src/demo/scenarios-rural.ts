// Social security and civil affairs (社保民政), agriculture (农业农村) and everything else (其他).

import {
  amount,
  cityUnit,
  company,
  countyUnit,
  dayText,
  money,
  num,
  about,
  pickPlace,
  someone,
  territorialUnit,
  townGovernment,
  townName,
  villageName,
  ym,
  yearText,
} from './kit';
import type { Scenario } from './kit';

// ---------- social security ----------

const pensionStopped: Scenario = {
  id: 'social.pension',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'any');
    c.me.age = c.int(62, 82);
    const monthly = amount(c, 1800, 3600, 10);
    const stopped = c.int(2, 5);
    const centre = `${place.county.name}社会保险事业管理中心`;
    return {
      title: '反映养老金被停发',
      body: `${c.I}是${townName(c, place)}的退休职工，每月养老金${money(c, monthly)}。${ym(c, stopped)}起养老金突然停发，到社保中心问，说${c.I}没有按时做年度资格认证。${c.I}一直在家，根本不知道要认证，也没人通知。现在补做了认证，工作人员说下个月恢复，可停发的${num(c, stopped)}个月${money(c, monthly * stopped)}能不能补发，他们说不清楚。`,
      ask: '帮忙落实补发停发的养老金',
      respondent: { name: centre, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const unemployment: Scenario = {
  id: 'social.unemployment',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const unitId = countyUnit(place, 'hrss');
    return {
      title: '反映失业保险金申领被反复退回',
      body: `${c.I}在原单位干了${num(c, c.int(3, 12))}年，${ym(c, c.int(2, 4))}单位裁员，${c.I}按规定申请失业保险金，网上提交后被退回，理由是“非本人意愿中断就业证明材料不全”。单位给${c.I}出了解除劳动合同证明，窗口又说格式不对让单位重开，单位现在根本找不到人。这样来回折腾已经两个多月了。`,
      ask: '告诉我该怎么办，尽快把失业金给我发了',
      respondent: { name: `${place.county.name}人力资源和社会保障局`, unitId },
      place,
      suggestedUnitId: unitId,
    };
  },
};

const disability: Scenario = {
  id: 'social.disability',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    c.me.age = c.int(45, 70);
    return {
      title: '反映重度残疾人护理补贴申请无下文',
      body: `${c.my}${c.p('儿子', '女儿', '老伴')}是一级${c.p('智力', '肢体', '精神')}残疾，家在${villageName(c, place)}，按政策应该享受重度残疾人护理补贴。${yearText(c, 1)}${c.we}申请了，材料都交到镇里，镇里说报到${place.county.name}残联了，一年多了一分钱都没收到。打电话问残联，说系统里没查到${c.my}家的申请。材料到底在哪一步丢了？`,
      ask: '帮我们查一查，把补贴落实下来',
      respondent: { name: `${place.county.name}残疾人联合会`, unitId: null },
      place,
      suggestedUnitId: cityUnit('civil'),
    };
  },
};

const dibaoCancelled: Scenario = {
  id: 'social.dibao',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    c.me.age = c.int(55, 78);
    const gov = townGovernment(c, place);
    return {
      title: '反映低保被无故取消',
      body: `${c.I}是${villageName(c, place)}村民，${c.p('老伴瘫痪在床多年', '儿子车祸去世了，留下两个孙子', '自己得了尿毒症要定期透析')}，家里一直吃低保。${ym(c, c.int(1, 4))}低保突然停了，村里说是上面核查发现${c.my}家${c.p(`有一辆车。那辆车是女婿的，只是挂在${c.my}家名下`, '有一辆车。那是十几年前买的破三轮，早就报废了', '儿媳妇交了社保。儿媳妇早就和儿子离婚了，户口还没迁走', '名下有个体工商户。那个小卖部前年就关门了，执照忘了注销')}，${c.I}去镇里解释，镇里让等复核。`,
      ask: '重新核查，恢复我家的低保',
      respondent: gov,
      place,
      suggestedUnitId: cityUnit('civil'),
    };
  },
};

const dibaoAccusation: Scenario = {
  id: 'social.accuse.dibao',
  domain: 'socialSecurity',
  category: 'accusation',
  weight: 1.5,
  collectiveRate: 0.3,
  build(c) {
    const place = pickPlace(c, 'rural');
    const village = place.village?.name ?? place.town.name;
    const head = `${village}村委会主任${someone(c)}`;
    return {
      title: `举报${village}村干部优亲厚友违规办理低保`,
      body: `${c.v('我们实名举报', '举报')}${head}在低保评定中优亲厚友：他${c.p('的弟弟', '的儿媳', '的亲家')}在城里有房有车，也吃着低保；村会计家${c.p('两口人', '三口人')}都是低保户。真正困难的${c.p('五保老人', '残疾人家庭', '孤寡老人')}反倒评不上。评低保从来不开村民代表会，名单也不张榜公示。`,
      extras: [`${c.we}找镇民政办反映过，说会核查，后来就没消息了。`],
      ask: '彻查村里的低保名单，追究村干部的责任',
      respondent: { name: head, unitId: null },
      place,
      suggestedUnitId: cityUnit('discipline'),
      headcount: c.int(5, 30),
    };
  },
};

const pensionFraud: Scenario = {
  id: 'social.accuse.fraud',
  domain: 'socialSecurity',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    const villager = `${villageName(c, place)}村民${someone(c)}`;
    return {
      title: `举报${villager}冒领养老金`,
      body: `${c.v('举报', '举报')}${villager}冒领养老金。${villager.slice(-2)}的父亲${yearText(c, c.int(1, 3))}就去世了，村里人都去吃了席，但${villager.slice(-2)}一直没去销户，到现在还每个月领着他爸的城乡居民养老金。这是占国家便宜。`,
      ask: '核查追回冒领的养老金',
      respondent: { name: villager, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'hrss'),
    };
  },
};

const nursingHome: Scenario = {
  id: 'social.nursingHome',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'seat');
    const home = `${place.town.name}${c.p('敬老院', '中心敬老院', '康养中心')}`;
    return {
      title: `反映${home}虐待老人、伙食差`,
      body: `${c.my}${c.p('父亲', '母亲', '叔叔')}住在${home}，每个月交${money(c, amount(c, 1500, 2800, 100))}。上次去看发现老人身上有几块淤青，问了说是自己摔的；房间里一股尿骚味，床单好久没换，一顿饭就是白菜汤泡米饭。护工说一个人要照顾${num(c, c.int(15, 30))}个老人，根本顾不过来。`,
      ask: '检查敬老院的管理和服务，保障老人的基本生活',
      respondent: { name: home, unitId: null },
      place,
      suggestedUnitId: cityUnit('civil'),
    };
  },
};

const oldAgeAllowance: Scenario = {
  id: 'social.allowance',
  domain: 'socialSecurity',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    c.me.age = c.int(80, 92);
    const gov = townGovernment(c, place);
    return {
      title: '反映高龄津贴停发',
      body: `${c.I}今年${num(c, c.me.age)}岁，是${villageName(c, place)}村民，以前每个月有高龄津贴，从${ym(c, c.int(3, 8))}起就没到账了。让孙子去镇里问，说是要重新录人脸，${c.I}腿脚不好去不了镇上，镇里说可以上门，可到现在也没人来。`,
      ask: '安排人上门办理，补发高龄津贴',
      respondent: gov,
      place,
      suggestedUnitId: cityUnit('civil'),
    };
  },
};

// ---------- agriculture ----------

const fakeSeeds: Scenario = {
  id: 'agriculture.seeds',
  domain: 'agriculture',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'rural'));
    const seller = c.shared('seller', () => company(c, 'seed'));
    const crop = c.shared('crop', () => c.p('玉米', '水稻', '小麦', '辣椒'));
    const mu = c.int(5, 40);
    return {
      title: `反映${seller.short}出售劣质${crop}种子`,
      body: `${c.I}${ym(c, c.int(3, 6))}在${place.town.name}${seller.name}买的${crop}种子，种了${num(c, mu)}亩，${c.p('出苗率不到一半', '大面积空秆不结穗', '抽穗后全是瘪粒')}，预计损失${money(c, mu * amount(c, 800, 1600, 100))}。村里${c.p('很多户', '十几户', '买了同一批种子的')}情况都一样，种子店老板说是天气原因，拒绝赔偿。`,
      ask: '组织田间鉴定，责令种子店赔偿损失',
      respondent: { name: seller.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('agri'),
      headcount: c.int(10, 50),
    };
  },
};

const irrigation: Scenario = {
  id: 'agriculture.irrigation',
  domain: 'agriculture',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const households = c.int(20, 90);
    const gov = townGovernment(c, place);
    const who = c.collective
      ? c.v(
          `我们是${villageName(c, place)}${num(c, households)}户村民。`,
          `其系${villageName(c, place)}${households}户村民的代表。`,
        )
      : c.v(`我家在${villageName(c, place)}。`, `其家在${villageName(c, place)}。`);
    return {
      title: '反映灌溉渠损毁未修复',
      body: `${who}${c.v('我们', '')}村里的主灌溉渠${yearText(c, 1)}汛期冲塌了${about(c, c.int(100, 400))}多米，到${c.p('今年插秧时', '现在', '春耕了')}还没修，上游的水下不来，几百亩田只能靠抽水机一点点抽，光柴油钱每亩就多花一百多块。${c.we}多次向镇里反映，镇里说要等项目资金。`,
      extras: ['农时不等人。'],
      ask: '尽快修复水渠',
      respondent: gov,
      place,
      suggestedUnitId: townGovernment(c, place).unitId ?? cityUnit('agri'),
      headcount: households,
    };
  },
};

const subsidies: Scenario = {
  id: 'agriculture.subsidy',
  domain: 'agriculture',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    const gov = townGovernment(c, place);
    return {
      title: '反映耕地地力保护补贴未发放',
      body: `${c.my}家在${villageName(c, place)}有${num(c, c.int(4, 15))}亩地，一直自己种，可${yearText(c, 1)}的耕地地力保护补贴一直没到账。去信用社查，说${c.my}家的地登记在别人名下了。村会计说是当年录错了，改起来很麻烦，让${c.I}等。这一等就是一年多。`,
      ask: '更正登记信息，补发补贴',
      respondent: gov,
      place,
      suggestedUnitId: cityUnit('agri'),
    };
  },
};

const droneSpraying: Scenario = {
  id: 'agriculture.spraying',
  domain: 'agriculture',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    const coop = company(c, 'coop');
    return {
      title: `反映${coop.short}打除草剂致农作物受损`,
      body: `${dayText(c, 10, 50)}，${villageName(c, place)}的${coop.name}用无人机给他们流转的地打除草剂，药飘到了${c.my}家的${c.p('辣椒地', '桃园', '菜地', '秧田')}，没几天叶子全黄了，${num(c, c.int(2, 8))}亩基本绝收。合作社说是风大，不是他们的责任，只愿意给几百块钱。`,
      ask: '组织鉴定，让合作社赔偿损失',
      respondent: { name: coop.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('agri'),
    };
  },
};

const landRent: Scenario = {
  id: 'agriculture.rent',
  domain: 'agriculture',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.5,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'rural'));
    const firm = c.shared('firm', () => company(c, c.p('agriCompany', 'coop')));
    const households = c.shared('households', () => c.int(30, 150));
    const rent = c.shared('rent', () => c.int(400, 900));
    const where = villageName(c, place);
    const who = c.collective
      ? c.v(`我们是${where}的${num(c, households)}户村民，`, `其系${where}${households}户村民的代表，`)
      : c.v(`我是${where}村民，`, `其系${where}村民，`);
    return {
      title: `反映${firm.short}拖欠土地流转费`,
      body: `${who}${yearText(c, c.int(3, 5))}村里把${c.we}的地统一流转给${firm.name}搞${c.p('蔬菜基地', '中药材种植', '观光果园', '稻虾共养')}，合同约定每亩每年${num(c, rent)}元，每年年底付清。可公司从${yearText(c, 1)}起就不给钱了，老板说经营亏损，要么减租要么退地，退回来的地都挖成了坑，没法种了。`,
      ask: '督促公司支付拖欠的流转费，恢复土地原貌',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('agri'),
      headcount: households,
    };
  },
};

const projectFundsAccusation: Scenario = {
  id: 'agriculture.accuse.funds',
  domain: 'agriculture',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    const village = place.village?.name ?? '';
    const committee = `${village}村民委员会`;
    return {
      title: `举报${village}村干部虚报冒领惠农项目资金`,
      body: `${c.v('举报', '举报')}${villageName(c, place)}村干部虚报冒领项目资金：${yearText(c, 1)}村里申报的${c.p('高标准农田建设', '产业扶持', '农村道路硬化', '人居环境整治')}项目，上面拨了${money(c, amount(c, 300000, 1500000, 10000))}，实际${c.p('只修了一条不到一公里的机耕路', '只发了些化肥和树苗', '干了不到一半就停了')}。账目从来不公开，村民问起来，村干部说“你管不着”。`,
      ask: '查清项目资金去向',
      respondent: { name: committee, unitId: null },
      place,
      suggestedUnitId: cityUnit('discipline'),
    };
  },
};

const agriSuggestion: Scenario = {
  id: 'agriculture.suggest',
  domain: 'agriculture',
  category: 'suggestion',
  weight: 1.6,
  build(c) {
    const place = pickPlace(c, 'rural');
    const fruit = c.p('桃子', '葡萄', '蔬菜', '猕猴桃');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        `建议在${place.town.name}建设公共冷库`,
        `建议在${place.town.name}建几座公共冷库。这边${fruit}产量大，每年集中上市的时候收购商把价格压得很低，放不住只能贱卖，有时候烂在地里都没人要。有了冷库就能错峰销售，农民一年的辛苦也能多换点钱。`,
        '建议建设公共冷库，帮助农户错峰销售。',
      ],
      [
        '建议增加农技下乡培训',
        `建议农业部门多组织农技人员到${place.town.name}的村里办培训，讲讲病虫害防治和科学施肥。现在村里种地的多是老人，买药全听农资店老板的，花钱多效果还不好，有的还把庄稼打坏了。`,
        '建议定期组织农技人员下村培训。',
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
      suggestedUnitId: cityUnit('agri'),
    };
  },
};

// ---------- other ----------

const strayDogs: Scenario = {
  id: 'other.dogs',
  domain: 'other',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'urban');
    return {
      title: '反映小区流浪狗伤人',
      body: `${townName(c, place)}${c.p('滨江花园', '锦绣家园', '阳光新城')}小区里的流浪狗越来越多，有十几条，晚上成群叫，${c.p('上周还咬伤了一个放学的孩子', '前几天追着一个老人咬', '把晨练的人吓得摔了一跤')}。物业说不归他们管，社区说要找城管。`,
      ask: '明确由哪个部门负责，尽快处理',
      respondent: null,
      place,
      suggestedUnitId: territorialUnit(c, place),
    };
  },
};

const taxi: Scenario = {
  id: 'other.taxi',
  domain: 'other',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'urban');
    const firm = company(c, 'taxi');
    return {
      title: `反映${firm.short}出租车司机不打表乱收费`,
      body: `${dayText(c, 1, 12)}${c.p('下午', '晚上', '凌晨')}${c.I}从青川高铁站坐${firm.name}的出租车到${townName(c, place)}，司机不打表，到了收${num(c, c.int(60, 120))}元，正常打表${num(c, c.int(25, 45))}元左右。${c.I}当场质疑，司机态度很恶劣，说不给就别下车。${c.I}记下了车牌号。`,
      ask: '查处司机乱收费，退还多收的钱',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: territorialUnit(c, place),
    };
  },
};

const prepaidCard: Scenario = {
  id: 'other.prepaid',
  domain: 'other',
  category: 'claim',
  weight: 1,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'urban'));
    const firm = c.shared('firm', () => company(c, c.p('gym', 'training')));
    return {
      title: `反映${firm.short}关门跑路、预付卡无法退费`,
      body: `${c.I}${ym(c, c.int(2, 8))}在${townName(c, place)}${firm.name}办了${c.p('年卡', '课时包', '会员卡')}，交了${money(c, amount(c, 2000, 12000, 100))}。${dayText(c, 5, 30)}去的时候发现门店关了，门上贴着“装修升级”，老板和店员的电话都打不通。会员群里有${about(c, c.int(100, 400))}多人，都是预付了钱的。`,
      ask: '查找老板下落，帮消费者追回预付款',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: territorialUnit(c, place),
    };
  },
};

const neighbours: Scenario = {
  id: 'other.neighbour',
  domain: 'other',
  category: 'claim',
  weight: 0.8,
  build(c) {
    const place = pickPlace(c, 'rural');
    return {
      title: '反映邻里纠纷村里调解无果',
      body: `${c.I}家和邻居${someone(c)}家在${villageName(c, place)}挨着住，他家${c.p(`盖新房把滴水檐伸到了${c.my}家院子上面`, '在两家中间的路上堆柴火，车都开不进来', `养的鸡鸭天天进${c.my}家菜地`)}。说了好多次，他不听还骂人。村里调解了两次，他当面答应，回去照旧。`,
      ask: '派人来调解处理',
      respondent: null,
      place,
      suggestedUnitId: territorialUnit(c, place),
    };
  },
};

const socialSuggestion: Scenario = {
  id: 'social.suggest',
  domain: 'socialSecurity',
  category: 'suggestion',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'urban' : 'rural');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议为行动不便老人提供上门养老金资格认证',
        `建议社保部门为八十岁以上和行动不便的老人提供上门资格认证服务。现在很多老人不会用手机刷脸认证，子女又在外地，一忘记认证养老金就停了，再恢复要跑好几趟。${place.town.name}有不少这样的老人。`,
        '建议为高龄和行动不便老人提供上门认证。',
      ],
      [
        `建议在${place.town.name}开办老年食堂`,
        `建议在${place.town.name}多开几个社区老年食堂。现在独居老人越来越多，很多老人一顿饭吃好几天，身体越来越差。如果有个几块钱就能吃上热乎饭的地方，子女在外面也放心。`,
        '建议开办社区老年食堂。',
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
      suggestedUnitId: cityUnit('civil'),
    };
  },
};

export const socialScenarios: Scenario[] = [
  socialSuggestion,
  pensionStopped,
  unemployment,
  disability,
  dibaoCancelled,
  dibaoAccusation,
  pensionFraud,
  nursingHome,
  oldAgeAllowance,
];

export const agricultureScenarios: Scenario[] = [
  fakeSeeds,
  irrigation,
  subsidies,
  droneSpraying,
  landRent,
  projectFundsAccusation,
  agriSuggestion,
];

const otherSuggestion: Scenario = {
  id: 'other.suggest',
  domain: 'other',
  category: 'suggestion',
  weight: 0.8,
  build(c) {
    const place = pickPlace(c, 'urban');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议规范公园内遛狗行为',
        `建议在${townName(c, place)}的滨江公园立牌明确遛狗必须牵绳、及时清理粪便，并划出专门的遛狗区域。现在早晚很多大狗不拴绳在公园里跑，老人孩子都害怕，草地上到处是狗粪。`,
        '建议规范公园遛狗行为，设置遛狗区域。',
      ],
      [
        '建议政务服务大厅延长周末办事时间',
        `建议${place.county.name}政务服务中心周六上午也开放几个常用窗口。上班族平时请不了假，办个证要跑好几趟，每次都得扣工资。如果周末能办，很多人能少跑很多冤枉路。`,
        '建议政务服务中心周末开放常用窗口。',
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
      suggestedUnitId: territorialUnit(c, place),
    };
  },
};

export const otherScenarios: Scenario[] = [strayDogs, taxi, prepaidCard, neighbours, otherSuggestion];
