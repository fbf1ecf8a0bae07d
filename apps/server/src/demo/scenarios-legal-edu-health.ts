// Legal (涉法涉诉), education (教育) and health (医疗卫生).

import {
  amount,
  cityUnit,
  company,
  countyUnit,
  money,
  num,
  about,
  pickPlace,
  someone,
  townName,
  villageName,
  ym,
  yearText,
} from './kit';
import type { Ctx, Place, Scenario } from './kit';

// ---------- legal ----------

function court(c: Ctx, p: Place): string {
  return c.chance(0.8) ? `${p.county.name}人民法院` : '青川市中级人民法院';
}

const enforcement: Scenario = {
  id: 'legal.enforcement',
  domain: 'legal',
  category: 'claim',
  weight: 6,
  litigationRelated: true,
  build(c) {
    const place = pickPlace(c, 'any');
    const debtor = c.chance(0.5)
      ? company(c, c.p('retail', 'construction', 'logistics')).name
      : `${townName(c, place)}个体户${someone(c)}`;
    const what = c.p('借款纠纷', '买卖合同纠纷', '交通事故赔偿纠纷', '装修合同纠纷', '租赁合同纠纷');
    const sum = amount(c, 20000, 400000, 100);
    return {
      title: `反映${what.replace('纠纷', '')}案件判决长期执行不到位`,
      body: `${c.I}与${debtor}的${what}，${court(c, place)}${yearText(c, c.int(1, 3))}判决对方支付${c.I}${money(c, sum)}，判决早已生效。${c.I}${ym(c, c.int(8, 20))}申请强制执行，执行法官说对方名下没有可供执行的财产，${c.p('终结了本次执行程序', '让回家等消息', '说已经列入失信名单了')}。可对方${c.p('天天在朋友圈晒旅游', '换了个名字接着开店', '刚给儿子买了新车', '还在外面承包工程')}，怎么会没钱？`,
      extras: [`${c.my}家里${c.p('老人常年吃药', '孩子上大学', '还欠着外债')}，都等着这笔钱。`],
      ask: '督促法院依法执行',
      respondent: { name: debtor, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const retrial: Scenario = {
  id: 'legal.retrial',
  domain: 'legal',
  category: 'claim',
  weight: 4,
  litigationRelated: true,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'rural' : 'any');
    const [matter, other] = c.rng.pick([
      ['宅基地边界纠纷', `同村村民${someone(c)}`],
      ['相邻通行纠纷', `邻居${someone(c)}`],
      ['承包地流转合同纠纷', company(c, c.p('agriCompany', 'coop')).name],
      ['民间借贷纠纷', c.chance(0.5) ? `${someone(c)}` : company(c, 'retail').name],
      ['劳务合同纠纷', company(c, c.p('construction', 'labour')).name],
      ['装修合同纠纷', `装修队老板${someone(c)}`],
    ] as const);
    return {
      title: `对${matter}判决不服，要求重审`,
      body: `${c.I}与${other}的${matter}，${court(c, place)}${yearText(c, c.int(1, 3))}判${c.I}败诉。${c.p(
        `判决认定的事实根本不对，对方提交的协议上的签字不是${c.I}本人签的，${c.I}申请笔迹鉴定法院不准许。`,
        `一审时${c.I}请不起律师，也不懂程序，错过了举证期限，${c.my}手里的证据法院根本没看。`,
        `${c.I}找到了新证据，能证明对方说的是假话。`,
      )}${c.I}上诉后二审维持原判，申请再审也被驳回了。`,
      extras: [c.v('我觉得判决不公，这口气咽不下去。', '其认为判决不公，情绪激动。')],
      ask: '责成法院重新审理此案',
      demands: '要求对该案重新审理，撤销原判决。',
      respondent: { name: court(c, place), unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const delayedTrial: Scenario = {
  id: 'legal.delay',
  domain: 'legal',
  category: 'claim',
  weight: 3,
  litigationRelated: true,
  build(c) {
    const place = pickPlace(c, 'any');
    const name = court(c, place);
    return {
      title: '反映案件审理超期',
      body: `${c.I}${ym(c, c.int(14, 26))}向${name}起诉${c.p('一起人身损害赔偿纠纷', '一起劳务合同纠纷', '一起离婚后财产纠纷', '一起建设工程款纠纷')}，案子到现在快两年了还没判下来，中间换了两次法官，开了三次庭。每次打电话问，书记员都说在走程序。`,
      extras: [c.p(`${c.I}现在身体越来越差，不知道还能等几年。`, '对方趁着这段时间把财产都转移了。')],
      ask: '过问一下这个案子，尽快给个说法',
      respondent: { name, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const legalAid: Scenario = {
  id: 'legal.aid',
  domain: 'legal',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'any');
    const centre = `${place.county.name}法律援助中心`;
    return {
      title: '反映申请法律援助被拒',
      body: `${c.I}是${villageName(c, place)}的${c.p('低保户', '残疾人', '留守老人')}，${c.p('去年被人打伤想起诉要求赔偿', '儿子在外地工地上出了事', '被老板拖欠工资想打官司')}，到${centre}申请法律援助，工作人员说${c.my}这个不属于援助范围，让${c.I}自己找律师。${c.I}连医药费都是借的，哪有钱请律师？`,
      extras: [`${c.I}有${c.p('低保证', '残疾证')}，按说应该可以援助的。`],
      ask: '帮忙看看我这种情况能不能给办法律援助',
      respondent: { name: centre, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const lawyer: Scenario = {
  id: 'legal.lawyer',
  domain: 'legal',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const firm = company(c, 'lawFirm');
    return {
      title: `反映${firm.name}律师收费后不尽职`,
      body: `${c.I}${ym(c, c.int(4, 12))}委托${firm.name}的${someone(c)}律师代理${c.p('一起工伤赔偿案', '一起借款纠纷', '一起离婚案')}，交了代理费${money(c, amount(c, 8000, 30000, 1000))}，没开发票。结果开庭那天律师没来，说另有安排，让助理来了，连材料都没看过。案子输了，律师说是证据不足，要${c.I}再交钱上诉。`,
      ask: '查处该律师的违规行为，退还代理费',
      respondent: { name: firm.name, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const mediation: Scenario = {
  id: 'legal.mediation',
  domain: 'legal',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    const [cause, promise] = c.rng.pick([
      [`他家修房子砌围墙占了${c.my}家的路`, '一个月内拆掉围墙'],
      ['排水沟的事', '把排水沟改回原来的位置'],
      [`他家砍树砸坏了${c.my}家的房顶`, `赔偿${c.my}家三千元`],
      ['地界的事', '退回多占的半分地'],
    ] as const);
    return {
      title: '反映人民调解协议对方不履行',
      body: `${c.I}和邻居因为${cause}闹了矛盾，${ym(c, c.int(3, 9))}在${place.town.name}司法所调解，签了调解协议，对方答应${promise}。到现在几个月过去了，对方一点都没做，司法所说调解协议没有强制力，让${c.I}去法院。`,
      ask: '督促对方履行调解协议，或者告诉我下一步该怎么办',
      respondent: { name: `${place.town.name}司法所`, unitId: null },
      place,
      suggestedUnitId: cityUnit('justice'),
    };
  },
};

const judgeAccusation: Scenario = {
  id: 'legal.accuse.judge',
  domain: 'legal',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'any');
    const judge = `${place.county.name}人民法院执行局法官${someone(c)}`;
    return {
      title: '举报法院执行法官与被执行人关系密切',
      body: `${c.v('我举报', '举报')}${judge}。${c.my}的案子申请执行快两年了，${judge.slice(-2)}一直说被执行人没财产，可${c.I}亲眼看见他从被执行人的饭店里出来，被执行人还跟村里人说“法院有人，不怕”。${c.I}怀疑他收了好处，故意拖着不执行。`,
      ask: '调查该法官是否收受被执行人好处',
      respondent: { name: judge, unitId: null },
      place,
      suggestedUnitId: cityUnit('discipline'),
    };
  },
};

// ---------- education ----------

const enrollment: Scenario = {
  id: 'education.enrollment',
  domain: 'education',
  category: 'claim',
  weight: 3,
  collectiveRate: 0.3,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'urban'));
    const school = c.shared(
      'school',
      () => `${place.town.name.replace(/街道$/, '')}${c.p('小学', '实验小学', '第二小学')}`,
    );
    const families = c.shared('families', () => c.int(8, 30));
    c.me.age = c.int(29, 42);
    const who = c.collective
      ? c.v(
          `我们是在${place.town.name}务工的${num(c, families)}户外地家庭，孩子今年都到了上一年级的年龄。`,
          `其系在${place.town.name}务工的${families}户外地家庭的代表，孩子今年都到了上一年级的年龄。`,
        )
      : c.v(
          `我在${place.town.name}打工，孩子今年该上一年级了。`,
          `其在${place.town.name}打工，孩子今年该上一年级。`,
        );
    return {
      title: `反映${school}拒收随迁子女入学`,
      body: `${who}${c.we}都有青川市居住证，交了一年以上社保，也租住在${school}学区内。可报名时学校说学位已满，随迁子女一律不收，让去十几公里外的学校。`,
      extras: [
        `${c.we}都在附近上班，孩子那么小根本没法接送。`,
        `按照政策，符合条件的随迁子女应当就近入学，为什么本地户口的能上，${c.we}的孩子就不能上？`,
      ],
      ask: '协调解决孩子就近入学',
      respondent: { name: school, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
      headcount: families,
      fromElsewhere: true,
    };
  },
};

const schoolFees: Scenario = {
  id: 'education.fees',
  domain: 'education',
  category: 'accusation',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'any');
    const school = `${place.county.name}第${c.p('一', '二', '三', '四')}中学`;
    return {
      title: `反映${school}乱收费`,
      body: `${c.v('反映', '反映')}${school}乱收费问题。开学时学校以${c.p('资料费、校服费、空调电费', '补课费、考试费、班费', '住宿费、桶装水费、保险费')}等名义向每个学生收取${money(c, amount(c, 300, 1200, 10))}，不开收据，只在班级群里让家长扫码转到班主任个人微信。${c.p('校服质量很差，资料很多是网上打印的。', '家长问了一句，老师说不交就自己去买。')}`,
      ask: '调查这些钱的去向，退还不合理收费',
      respondent: { name: school, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

const canteen: Scenario = {
  id: 'education.canteen',
  domain: 'education',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'urban' : 'seat');
    const school = `${place.town.name.replace(/(街道|镇|乡)$/, '')}${c.p('中心小学', '实验学校', '中学', '第一小学')}`;
    const rural = place.town.kind !== 'street';
    const meals = rural && c.chance(0.5);
    const body = meals
      ? `${c.my}孩子在${school}上${c.p('三', '四', '五')}年级，按国家政策农村学生每天有营养餐。可孩子说现在每天就发一盒牛奶，有时候连牛奶都没有，以前还有鸡蛋面包。${c.we}问老师，老师说上面拨的钱少了。营养餐的钱到底去哪了？`
      : `${school}食堂的饭菜质量太差了，孩子回来说经常吃到${c.p('没熟的米饭', '变味的菜', '里面有头发的饭')}，菜里油少肉少，一个月伙食费却要收${money(c, amount(c, 380, 680, 10))}。家长想进去看看后厨也不让。`;
    return {
      title: meals ? `反映${school}营养餐缩水` : `反映${school}食堂饭菜质量差`,
      body,
      ask: '检查一下学校食堂，公开伙食账目',
      respondent: { name: school, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

const tutoring: Scenario = {
  id: 'education.tutoring',
  domain: 'education',
  category: 'accusation',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'urban');
    const school = `${place.county.name}${c.p('实验中学', '第二中学', '育才小学')}`;
    const teacher = `${school}${c.p('数学', '英语', '语文')}老师${someone(c)}`;
    return {
      title: `举报${school}教师有偿补课`,
      body: `${c.v('举报', '举报')}${teacher}在校外租房办补习班，每周${c.p('三个晚上', '周六全天', '周末两天')}上课，每人每学期收费${money(c, amount(c, 2000, 4800, 100))}。班上不去补课的孩子，上课提问都不叫，作业也不批。${c.p('家长敢怒不敢言，怕孩子被穿小鞋。', '这种情况已经好几年了，学校不可能不知道。')}${c.v('请为举报人保密。', '来电人要求为其保密。')}`,
      ask: '查处教师有偿补课问题',
      respondent: { name: teacher, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

const schoolMerger: Scenario = {
  id: 'education.merger',
  domain: 'education',
  category: 'claim',
  weight: 1.5,
  collectiveRate: 0.4,
  build(c) {
    const place = pickPlace(c, 'rural');
    const km = c.int(8, 25);
    return {
      title: '反映村小撤并后孩子上学路远',
      body: `${villageName(c, place)}的村小今年秋季撤并到镇中心小学，离村里${num(c, km)}公里，都是山路，没有校车。${c.we}村里很多孩子是爷爷奶奶带，老人骑不了车，只能花钱坐黑车，一个月车费就要${money(c, amount(c, 300, 600, 50))}。${c.p('前几天下雨，一辆接送孩子的面包车差点翻到沟里。', '有的孩子每天五点多就得起床。')}`,
      ask: '开通校车，或者给低年级孩子安排寄宿',
      respondent: { name: `${place.county.name}教育局`, unitId: countyUnit(place, 'edu') },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
      headcount: c.int(20, 60),
    };
  },
};

const kindergarten: Scenario = {
  id: 'education.kindergarten',
  domain: 'education',
  category: 'claim',
  weight: 1.5,
  clusterable: true,
  build(c) {
    const place = c.shared('place', () => pickPlace(c, 'urban'));
    const k = c.shared('k', () => company(c, 'kindergarten'));
    c.me.age = c.int(27, 38);
    return {
      title: `反映${k.name}突然停办、预收费不退`,
      body: `${c.my}孩子在${townName(c, place)}${k.name}上中班，${ym(c, c.int(1, 3))}幼儿园突然在家长群里通知停办，让家长自己给孩子另找幼儿园。${c.I}刚交了一学期的保教费和伙食费${money(c, amount(c, 4800, 9800, 100))}，园长说要等转让款到了再退，现在电话也不接了。`,
      extras: ['全园一百多个孩子，家长都急疯了。'],
      ask: '督促幼儿园退还预收的费用，帮孩子协调入园',
      respondent: { name: k.name, unitId: null },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

const substituteTeacher: Scenario = {
  id: 'education.teacher',
  domain: 'education',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'rural');
    c.me.age = c.int(48, 62);
    return {
      title: '原民办代课教师反映待遇问题',
      body: `${c.I}从${c.today.y - c.int(30, 38)}年起在${villageName(c, place)}小学当民办代课教师，教了${num(c, c.int(12, 20))}年书，后来学校撤并被清退了。听说国家对原民办代课教师有生活补助政策，${c.I}${yearText(c, 1)}把材料交到了${place.county.name}教育局，到现在没有结果，问了说还在核实教龄。`,
      ask: '尽快核实我的教龄，落实补助政策',
      respondent: { name: `${place.county.name}教育局`, unitId: countyUnit(place, 'edu') },
      place,
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

const eduSuggestion: Scenario = {
  id: 'education.suggest',
  domain: 'education',
  category: 'suggestion',
  weight: 3,
  build(c) {
    const place = pickPlace(c, 'urban');
    const school = `${place.town.name.replace(/街道$/, '')}${c.p('小学', '实验小学')}`;
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        `建议在${school}门口设置红绿灯和斑马线`,
        `建议在${school}门口设置红绿灯和斑马线。学校门口是一条主干道，上下学时间车流量很大，没有红绿灯，孩子过马路很危险，${c.p('上周', '上个月')}还有个学生被电动车撞了。上下学高峰最好安排护学岗。`,
        '建议在学校门口设置红绿灯、斑马线，高峰时段设护学岗。',
      ],
      [
        '建议延长小学课后服务时间',
        `建议${place.county.name}的小学把课后服务延长到下午六点。现在四点半就放学，双职工家庭根本接不了，只能花钱送托管班，托管班条件参差不齐。学校如果能多管一个小时，家长能省心很多。`,
        '建议将小学课后服务延长至下午六点。',
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
      suggestedUnitId: countyUnit(place, 'edu'),
    };
  },
};

// ---------- health ----------

function hospital(c: Ctx, p: Place): string {
  return c.p(
    '青川市第一人民医院',
    '青川市第二人民医院',
    '青川市中医院',
    '青川市妇幼保健院',
    `${p.county.name}人民医院`,
    `${p.county.name}中医院`,
  );
}

const medicalDispute: Scenario = {
  id: 'health.dispute',
  domain: 'health',
  category: 'claim',
  weight: 2.5,
  build(c) {
    const place = pickPlace(c, 'any');
    const h = hospital(c, place);
    const who = c.v(c.p('家父', '我母亲', '我爱人', '我儿子'), c.p('其父亲', '其母亲', '其爱人', '其儿子'));
    const body = c.p(
      `${who}${ym(c, c.int(1, 5))}在${h}做${c.p('胆囊切除手术，术后出现胆漏', '阑尾手术，术后伤口严重感染', '膝关节置换手术，术后出现深静脉血栓', '心脏支架手术，术后大出血', '剖腹产手术，术后大出血')}，医生没有及时处理，${c.p('不幸离世', '现在还在重症监护室', '落下了残疾')}。家属多次要求复印完整病历、申请医疗事故鉴定，院方一直推托。`,
      `${who}在${h}住院期间，护士给输错了液体，出现了严重过敏反应，抢救了两天才脱离危险。医院先是说病人体质问题，后来看到监控才承认，只愿意减免部分住院费。`,
    );
    return {
      title: `反映${h}医疗纠纷`,
      body,
      extras: [c.v('我们不是来闹的，只想要一个公道。', '家属表示只想要一个公道。')],
      ask: '依法介入调查，给家属一个公道',
      respondent: { name: h, unitId: null },
      place,
      address: h,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const overbilling: Scenario = {
  id: 'health.billing',
  domain: 'health',
  category: 'claim',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'any');
    const h = hospital(c, place);
    const total = amount(c, 8000, 60000, 100);
    return {
      title: `反映${h}重复收费、乱收费`,
      body: `${c.my}${c.p('母亲', '父亲', '爱人')}${ym(c, c.int(1, 4))}在${h}住院${num(c, c.int(7, 20))}天，出院结账时一共花了${money(c, total)}，${c.I}拿着清单一项一项对，发现有好几项根本没做的检查也收了钱，比如${c.p('动态心电图、营养评估', '肺功能检查、康复评定', '彩超和血气分析')}，还有没用过的一次性耗材，合计${money(c, amount(c, 800, 4500, 10))}。找住院处，他们说是系统自动生成的，让去找科室，科室又推回来。`,
      ask: '核查收费，退还多收的费用',
      respondent: { name: h, unitId: null },
      place,
      address: h,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const reimbursement: Scenario = {
  id: 'health.reimbursement',
  domain: 'health',
  category: 'claim',
  weight: 1.5,
  build(c) {
    const place = pickPlace(c, 'rural');
    c.me.age = c.int(55, 75);
    const h = `${place.county.name}人民医院`;
    return {
      title: '反映检查结果不互认、医保报销慢',
      body: `${c.I}是${villageName(c, place)}农民，${ym(c, c.int(2, 4))}在${h}住院，医生让做的CT和化验，前一天在${place.town.name}卫生院刚做过，结果也带来了，医院说不认，必须重做。出院时说${c.my}的医保报销要等一个月，现在三个月了还没报下来，去问说资料缺了一张单子，当时为啥不说？`,
      extras: [`来回跑县城一趟车费就${about(c, c.int(30, 60))}多块。`],
      ask: '管一管检查重复收费的问题，尽快把医保报销给我办了',
      respondent: { name: h, unitId: null },
      place,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const vaccine: Scenario = {
  id: 'health.vaccine',
  domain: 'health',
  category: 'claim',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'urban');
    const centre = `${place.town.name}社区卫生服务中心`;
    c.me.male = false;
    c.me.age = c.int(20, 40);
    return {
      title: `反映${centre}疫苗预约不公开`,
      body: `${c.I}在${centre}预约${c.p('九价HPV疫苗', '带状疱疹疫苗', '流感疫苗')}排了${c.p('一年多', '大半年', '好几个月')}，上个月终于通知去打，到了现场工作人员说疫苗没了，让回去等，态度还特别差。可${c.I}听说有人托关系当天就能打。`,
      ask: '公开疫苗预约和接种顺序',
      respondent: { name: centre, unitId: null },
      place,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const illegalClinic: Scenario = {
  id: 'health.accuse.clinic',
  domain: 'health',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, c.chance(0.5) ? 'rural' : 'urban');
    const clinic = `${someone(c).replace('某', '')}氏${c.p('诊所', '中医馆', '推拿养生馆')}`;
    return {
      title: `举报${clinic}无证行医`,
      body: `${c.v('举报', '举报')}${villageName(c, place)}的${clinic}，老板没有行医资格，却给人打吊针、开处方药，还号称能治${c.p('糖尿病', '风湿', '不孕不育')}，一个疗程收好几千。${c.p(`${place.village?.kind === 'village' ? '村里' : '小区里'}有个老人在那里输液后出现抽搐，送到医院才抢救过来。`, '店里卖的药很多没有包装说明。')}`,
      ask: '依法查处无证行医',
      respondent: { name: clinic, unitId: null },
      place,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const redEnvelope: Scenario = {
  id: 'health.accuse.redEnvelope',
  domain: 'health',
  category: 'accusation',
  weight: 1,
  build(c) {
    const place = pickPlace(c, 'any');
    const h = hospital(c, place);
    const doctor = `${h}${c.p('骨科', '普外科', '妇产科', '心内科')}医生${someone(c)}`;
    return {
      title: `举报${h}医生收受红包`,
      body: `${c.v('举报', '举报')}${doctor}收受病人红包。${c.my}家人${ym(c, c.int(1, 6))}在该科做手术，术前${doctor.slice(-2)}暗示不给红包就往后排，${c.we}给了${money(c, amount(c, 2000, 6000, 500))}才安排上。同病房好几家都给了。`,
      ask: '查处医生收受红包的问题',
      respondent: { name: doctor, unitId: null },
      place,
      address: h,
      suggestedUnitId: cityUnit('health'),
    };
  },
};

const healthSuggestion: Scenario = {
  id: 'health.suggest',
  domain: 'health',
  category: 'suggestion',
  weight: 2,
  build(c) {
    const place = pickPlace(c, 'rural');
    const [title, body, demands] = c.p<[string, string, string]>(
      [
        '建议卫生院定期下村巡诊',
        `${villageName(c, place)}有不少七八十岁的老人，很多是卧床的，子女在外打工。虽说签了家庭医生，但一年也见不到医生上门一次。建议卫生院每月安排医生下村巡诊，给行动不便的老人量量血压、送送药。`,
        '建议卫生院每月安排医生下村巡诊。',
      ],
      [
        `建议${place.county.name}人民医院开设夜间儿科门诊`,
        `建议${place.county.name}人民医院开设夜间儿科门诊。现在晚上孩子发烧只能挂急诊，急诊只有一个医生，经常排两三个小时，孩子哭大人急。市里的医院太远，开车要一个多小时。`,
        '建议开设夜间儿科门诊。',
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
      suggestedUnitId: cityUnit('health'),
    };
  },
};

export const legalScenarios: Scenario[] = [
  enforcement,
  retrial,
  delayedTrial,
  legalAid,
  lawyer,
  mediation,
  judgeAccusation,
];

export const educationScenarios: Scenario[] = [
  enrollment,
  schoolFees,
  canteen,
  tutoring,
  schoolMerger,
  kindergarten,
  substituteTeacher,
  eduSuggestion,
];

export const healthScenarios: Scenario[] = [
  medicalDispute,
  overbilling,
  reimbursement,
  vaccine,
  illegalClinic,
  redEnvelope,
  healthSuggestion,
];
