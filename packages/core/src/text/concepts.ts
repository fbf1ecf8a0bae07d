// What a petition is about at the level of the issue, not the field: unpaid wages and unpaid social insurance
// are both labour matters but two matters; a flat's cracks and its late handover are both housing. Each concept
// is a handful of words people use for it (工资 = 工钱 = 薪水 = 血汗钱). Two petitions about one company or one
// village are one matter only when they are about the same issue, which these tags let the pair model see.
// General vocabulary of petition work, not phrases of any one data set.

const CONCEPT_WORDS = {
  wages: '工资|工钱|薪水|薪资|血汗钱|欠薪|讨薪|劳务费|生活费',
  projectPayment: '工程款|结算款|货款',
  socialInsurance: '社保|社会保险|养老保险|医疗保险|工伤保险|失业保险|五险',
  overtime: '加班|超时|休息日|工时|只休',
  childLabor: '童工|未成年|十四五岁',
  workInjury: '工伤|伤残|砸断|卷伤|摔伤|断指|九级|八级',
  dismissal: '辞退|裁员|开除|解除劳动',
  deposits: '押金|保证金',
  handover: '交房|逾期|延期交付|烂尾|停工|复工|交付',
  buildingQuality: '裂缝|开裂|渗水|漏水|质量问题|空鼓|脱落|霉|防水',
  propertyTitle: '房产证|不动产权证|办证|产权证|不动产登记',
  floorArea: '面积|公摊|分摊|露台|赠送',
  elevator: '电梯|困人|加装',
  propertyFees: '物业费|停车费|涨价|乱收费|广告费|公共收益',
  parking: '车位|停车|道闸',
  repairFund: '维修基金|维修资金',
  flooding: '排水|积水|进水|被淹|内涝|淹',
  noise: '噪音|噪声|扰民|夜间施工|凌晨|低音炮|睡不着',
  odor: '臭气|异味|气味|臭味|刺鼻|臭鸡蛋',
  dust: '粉尘|灰尘|扬尘|石粉',
  sewage: '排污|污水|粪水|偷排|粪污',
  burning: '焚烧|秸秆|烟雾',
  compensation: '补偿款|补偿标准|赔偿款|安置费|过渡费|补偿金',
  embezzlement: '截留|挪用|克扣|虚报|冒领|贪污|私分|优亲厚友|侵占',
  sameStandard: '同一标准|标准不一|标准不同|(?:标准|价格|地价|单价)不一样|差别对待|同地不同价',
  demolition: '强拆|拆除|拆迁|征收|推倒',
  crops: '青苗|果树|橘树|附着物|橘园',
  contractedLand: '承包地|流转|确权|调地|承包经营权|收回',
  landOccupation: '占用|占地|违建|加盖|违章|乱搭',
  graves: '迁坟|坟墓',
  welfare: '低保|五保|特困|救助|困难户',
  allowances: '津贴|补贴|补助|护理补贴|高龄',
  pension: '养老金|退休金|资格认证',
  unemployment: '失业保险金|失业金',
  medicalDispute: '手术|病历|医疗事故|误诊|术后|抢救|胆漏',
  repeatTests: '重复检查|重做|不认|互认',
  registration: '挂号|号贩子|专家号|放号',
  vaccine: '疫苗|接种|HPV',
  ambulance: '救护车|急救|(?<![\\d.])120(?![\\d.元万千百平米天人户个次年月日号%])',
  schoolPlace: '入学|学位|转学|划片|落户|户口',
  tutoring: '补课|补习|有偿',
  schoolMeals: '食堂|营养餐|伙食|饭菜|牛奶',
  trainingFees: '学费|退费|培训|课时',
  schoolBuilding: '教学楼|危房|校舍',
  enforcement: '强制执行|执行款|不执行|执行局|执行法官|申请执行',
  retrial: '再审|申诉|二审|改判',
  bribery: '红包|受贿|索要|好处费|吃拿卡要|两条烟|回扣',
  streetLights: '路灯',
  vendors: '摊贩|占道|菜市场',
  garbage: '垃圾|中转站',
  transport: '公交|线路|班车|黑车',
  utilities: '停水|停电|供水|供暖|暖气|燃气',
  fire: '着火|火灾|消防|烧伤',
  presale: '预售|内部认购|认购|VIP卡|资金监管',
  seeds: '种子|制种|不结棒|种业',
  insuranceClaim: '理赔|保险站|定损',
  legalAid: '法律援助|律师|代理费',
  nursingHome: '敬老院|养老院|五保户',
  disability: '残疾|残联',
  loans: '借款|借给|借条|欠条|贷款|民间借贷|欠款纠纷|债务',
  divorce: '离婚|分割|前夫|前妻',
  trafficAccident: '车祸|交通事故|交强险|肇事|撞车|追尾|(?<!叉)车撞',
  clinic: '诊所|行医|执业资格|输液|吊针',
  evaluation: '评估',
  committee: '业委会|业主大会|业主委员会',
  rural: '村医|卫生室',
} as const satisfies Readonly<Record<string, string>>;

const PATTERNS: readonly [string, RegExp][] = Object.entries(CONCEPT_WORDS).map(([name, words]) => [`c:${name}`, new RegExp(words)]);

/** The issue concepts a normalised text speaks of (`c:wages`, `c:socialInsurance` ...). */
export function concepts(normalised: string): string[] {
  const out: string[] = [];
  for (const [tag, re] of PATTERNS) if (re.test(normalised)) out.push(tag);
  return out;
}

type Concept = keyof typeof CONCEPT_WORDS;

/** What a clerk reads for each concept when two petitions share it (a reason of the duplicate lookup); one for each. */
const CONCEPT_LABELS: Readonly<Record<Concept, readonly [zh: string, en: string]>> = {
  wages: ['工资', 'wages'],
  projectPayment: ['工程款', 'project payments'],
  socialInsurance: ['社保', 'social insurance'],
  overtime: ['加班', 'overtime'],
  childLabor: ['童工', 'child labour'],
  workInjury: ['工伤', 'work injury'],
  dismissal: ['辞退', 'dismissal'],
  deposits: ['押金', 'deposits'],
  handover: ['交房', 'handover of flats'],
  buildingQuality: ['房屋质量', 'building quality'],
  propertyTitle: ['房产证', 'property certificates'],
  floorArea: ['面积', 'floor area'],
  elevator: ['电梯', 'lifts'],
  propertyFees: ['物业收费', 'property fees'],
  parking: ['停车', 'parking'],
  repairFund: ['维修基金', 'repair fund'],
  flooding: ['排水积水', 'drainage and flooding'],
  noise: ['噪音', 'noise'],
  odor: ['异味', 'odour'],
  dust: ['粉尘', 'dust'],
  sewage: ['排污', 'sewage'],
  burning: ['焚烧', 'burning'],
  compensation: ['补偿款', 'compensation'],
  embezzlement: ['截留挪用', 'embezzlement'],
  sameStandard: ['补偿标准不一', 'unequal standards'],
  demolition: ['拆迁拆除', 'demolition'],
  crops: ['青苗和附着物', 'crops and fixtures'],
  contractedLand: ['承包地', 'contracted land'],
  landOccupation: ['占地违建', 'land occupation'],
  graves: ['迁坟', 'graves'],
  welfare: ['低保救助', 'welfare'],
  allowances: ['补贴', 'allowances'],
  pension: ['养老金', 'pensions'],
  unemployment: ['失业金', 'unemployment benefit'],
  medicalDispute: ['医疗纠纷', 'medical dispute'],
  repeatTests: ['重复检查', 'repeated tests'],
  registration: ['挂号', 'hospital appointments'],
  vaccine: ['疫苗接种', 'vaccination'],
  ambulance: ['急救', 'ambulance'],
  schoolPlace: ['入学', 'school places'],
  tutoring: ['有偿补课', 'paid tutoring'],
  schoolMeals: ['学校伙食', 'school meals'],
  trainingFees: ['学费退费', 'fees and refunds'],
  schoolBuilding: ['校舍', 'school buildings'],
  enforcement: ['执行', 'enforcement of judgments'],
  retrial: ['再审申诉', 'retrial and appeals'],
  bribery: ['索贿受贿', 'bribery'],
  streetLights: ['路灯', 'street lights'],
  vendors: ['摊贩占道', 'street vendors'],
  garbage: ['垃圾', 'rubbish'],
  transport: ['公交出行', 'public transport'],
  utilities: ['水电气暖', 'water, power, gas and heating'],
  fire: ['火灾消防', 'fire'],
  presale: ['预售认购', 'presales'],
  seeds: ['种子', 'seeds'],
  insuranceClaim: ['理赔', 'insurance claims'],
  legalAid: ['法律援助', 'legal aid'],
  nursingHome: ['养老院', 'care homes'],
  disability: ['残疾', 'disability'],
  loans: ['借款欠款', 'loans and debts'],
  divorce: ['离婚', 'divorce'],
  trafficAccident: ['交通事故', 'traffic accidents'],
  clinic: ['诊所行医', 'clinics'],
  evaluation: ['评估', 'valuation'],
  committee: ['业委会', "owners' committee"],
  rural: ['村医', 'village doctors'],
};

/**
 * Concepts whose words are too broad to tell a clerk "the same kind of issue": 贷款 is also a flat's mortgage,
 * 评估 a hospital's assessment as well as a valuation. They still count in the pair model (fitted with them).
 */
const UNSTATED = new Set(['c:loans', 'c:evaluation']);

/** Whether a shared concept is specific enough to be shown as a reason. */
export function isStatedConcept(tag: string): boolean {
  return !UNSTATED.has(tag);
}

/** A concept tag (`c:wages`) as a clerk reads it; an unknown tag as its name. */
export function conceptLabel(tag: string): { zh: string; en: string } {
  const name = tag.startsWith('c:') ? tag.slice(2) : tag;
  const label = Object.hasOwn(CONCEPT_LABELS, name) ? CONCEPT_LABELS[name as Concept] : undefined;
  return label ? { zh: label[0], en: label[1] } : { zh: name, en: name };
}

/** Every concept has a label (checked by the tests). */
export const CONCEPT_NAMES: readonly string[] = Object.keys(CONCEPT_WORDS);
