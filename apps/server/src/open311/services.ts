import { domains, type Domain, type Message } from '@qiao/core';
import type { Locale } from './format';

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface AttributeDef {
  code: string;
  datatype: Datatype;
  required: boolean;
  /** The question put to the resident. */
  description: Message;
  datatypeDescription?: Message;
  values?: { key: string; name: Message }[];
  /** Longest accepted text, or largest number. */
  max: number;
}

export interface ServiceDef {
  code: Domain;
  name: Message;
  description: Message;
  keywords: Message;
  group: Message;
  attributes: AttributeDef[];
}

const GROUP = {
  city: { zh: '城乡建设', en: 'Housing and urban affairs' },
  livelihood: { zh: '劳动和社会保障', en: 'Work and social security' },
  rural: { zh: '农业农村与土地', en: 'Land and rural affairs' },
  publicServices: { zh: '公共服务', en: 'Public services' },
  law: { zh: '法律事务', en: 'Legal matters' },
  environment: { zh: '生态环境', en: 'Environment' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Message>;

const text = (code: string, zh: string, en: string, required = false, max = 200): AttributeDef => ({
  code,
  datatype: 'string',
  required,
  description: { zh, en },
  max,
});

const count = (code: string, zh: string, en: string, required: boolean): AttributeDef => ({
  code,
  datatype: 'number',
  required,
  description: { zh, en },
  datatypeDescription: { zh: '非负整数', en: 'A whole number, zero or more' },
  max: 1_000_000,
});

const amount = (code: string, zh: string, en: string): AttributeDef => ({
  code,
  datatype: 'number',
  required: false,
  description: { zh, en },
  datatypeDescription: { zh: '金额（元），可带两位小数', en: 'An amount in yuan, up to two decimals' },
  max: 1_000_000_000,
});

const choice = (code: string, zh: string, en: string, values: [string, string, string][]): AttributeDef => ({
  code,
  datatype: 'singlevaluelist',
  required: false,
  description: { zh, en },
  values: values.map(([key, z, e]) => ({ key, name: { zh: z, en: e } })),
  max: 40,
});

/** Facts every service may carry: a one-line summary, the kind of petition, whom it is about. */
export const COMMON_ATTRIBUTES: AttributeDef[] = [
  text('title', '事由（一句话概括，不填则取自描述）', 'Summary in one line (taken from the description if empty)', false, 100),
  choice('category', '信访类型（检举控告请通过纪检监察或网上信访渠道提出）', 'Kind of petition (accusations go through the discipline or online petition channels)', [
    ['claim', '申诉求决', 'A claim or complaint asking for a decision'],
    ['suggestion', '建议意见', 'A suggestion or opinion'],
  ]),
  text('respondent', '被反映的单位、企业或个人', 'The unit, company or person the matter is about', false, 200),
];

const SERVICES: Record<Domain, Omit<ServiceDef, 'code'>> = {
  housing: {
    name: { zh: '房地产', en: 'Housing and real estate' },
    description: { zh: '商品房交付、质量、办证、中介及房屋租赁等问题', en: 'Delivery, quality and title of homes; agents and renting' },
    keywords: { zh: '房产,交房,烂尾,办证,房屋质量,租房', en: 'housing, delivery, unfinished building, title deed, building quality, renting' },
    group: GROUP.city,
    attributes: [
      text('project', '楼盘或小区名称', 'Name of the development or estate'),
      choice('issue', '问题类型', 'Kind of problem', [
        ['delivery', '逾期交房或烂尾', 'Late delivery or unfinished building'],
        ['quality', '房屋质量', 'Building quality'],
        ['title', '不动产登记办证', 'Title registration'],
        ['other', '其他', 'Other'],
      ]),
    ],
  },
  labor: {
    name: { zh: '劳动保障（欠薪）', en: 'Labour and unpaid wages' },
    description: { zh: '拖欠工资、劳动合同、工伤待遇等劳动权益问题', en: 'Unpaid wages, labour contracts, work-injury benefits' },
    keywords: { zh: '欠薪,讨薪,拖欠工资,农民工,劳动合同,工伤', en: 'unpaid wages, wage arrears, migrant workers, labour contract, work injury' },
    group: GROUP.livelihood,
    attributes: [
      count('workers_owed', '被拖欠工资的人数', 'How many workers are owed wages', true),
      amount('amount_owed', '拖欠金额合计（元）', 'Total amount owed (yuan)'),
      text('employer', '用人单位或包工头名称', 'The employer or labour contractor'),
    ],
  },
  land: {
    name: { zh: '征地拆迁补偿', en: 'Land expropriation and compensation' },
    description: { zh: '征收土地、房屋拆迁及其补偿安置问题', en: 'Expropriation of land, demolition of homes, compensation and resettlement' },
    keywords: { zh: '征地,拆迁,补偿,安置,宅基地', en: 'land expropriation, demolition, compensation, resettlement, homestead' },
    group: GROUP.rural,
    attributes: [
      text('village', '所在村（社区）', 'The village (or community)', true, 60),
      text('project', '征收项目名称', 'The expropriation project'),
    ],
  },
  legal: {
    name: { zh: '涉法涉诉', en: 'Court and legal matters' },
    description: {
      zh: '与诉讼、仲裁、行政复议相关的事项；属于法定途径的将告知通过该途径解决',
      en: 'Matters tied to litigation, arbitration or administrative reconsideration; those belonging to a legal channel are directed there',
    },
    keywords: { zh: '法院,判决,执行,仲裁,复议,诉讼', en: 'court, judgment, enforcement, arbitration, reconsideration, litigation' },
    group: GROUP.law,
    attributes: [
      choice('legal_channel', '是否已经或正在通过诉讼、仲裁、复议解决', 'Has it been (or is it being) taken to court, arbitration or reconsideration', [
        ['yes', '是', 'Yes'],
        ['no', '否', 'No'],
      ]),
    ],
  },
  education: {
    name: { zh: '教育', en: 'Education' },
    description: { zh: '入学、收费、校园安全、教师等教育问题', en: 'School places, fees, school safety, teachers' },
    keywords: { zh: '学校,入学,学位,收费,教师,校园', en: 'school, enrolment, fees, teachers, campus' },
    group: GROUP.publicServices,
    attributes: [text('school', '学校名称', 'Name of the school')],
  },
  health: {
    name: { zh: '医疗卫生', en: 'Health care' },
    description: { zh: '医疗服务、医疗纠纷、药品、公共卫生问题', en: 'Medical services and disputes, medicines, public health' },
    keywords: { zh: '医院,看病,医疗纠纷,药品,卫生', en: 'hospital, medical dispute, medicine, public health' },
    group: GROUP.publicServices,
    attributes: [text('institution', '医疗机构名称', 'Name of the hospital or clinic')],
  },
  propertyManagement: {
    name: { zh: '物业', en: 'Property management' },
    description: { zh: '物业服务、物业费、维修资金、业主委员会问题', en: 'Property services and fees, maintenance funds, owners’ committees' },
    keywords: { zh: '物业,物业费,维修基金,业委会,小区', en: 'property management, service charge, maintenance fund, owners committee, estate' },
    group: GROUP.city,
    attributes: [text('estate', '小区名称', 'Name of the residential estate')],
  },
  environment: {
    name: { zh: '生态环境', en: 'Environment' },
    description: { zh: '大气、水、噪声、固体废物等环境污染问题', en: 'Air, water, noise and waste pollution' },
    keywords: { zh: '污染,噪音,排污,异味,垃圾,环保', en: 'pollution, noise, discharge, smell, waste, environment' },
    group: GROUP.environment,
    attributes: [
      choice('pollution_type', '污染类型', 'Kind of pollution', [
        ['air', '大气', 'Air'],
        ['water', '水', 'Water'],
        ['noise', '噪声', 'Noise'],
        ['waste', '固体废物', 'Solid waste'],
        ['other', '其他', 'Other'],
      ]),
      text('source', '污染来源（企业或场所）', 'Where it comes from (company or site)'),
    ],
  },
  urbanConstruction: {
    name: { zh: '城建', en: 'Urban construction and services' },
    description: { zh: '道路、供水供气、市政设施、违法建设等城市建设管理问题', en: 'Roads, water and gas supply, public works, illegal building' },
    keywords: { zh: '道路,市政,供水,供气,违建,路灯,施工', en: 'roads, public works, water supply, gas, illegal construction, street lights, building works' },
    group: GROUP.city,
    attributes: [],
  },
  socialSecurity: {
    name: { zh: '社保民政', en: 'Social security and civil affairs' },
    description: { zh: '养老、医保、低保、救助、优抚等问题', en: 'Pensions, medical insurance, minimum living allowance, relief, veterans' },
    keywords: { zh: '社保,养老金,医保,低保,救助,退役军人', en: 'social insurance, pension, medical insurance, minimum living allowance, relief, veterans' },
    group: GROUP.livelihood,
    attributes: [
      choice('benefit', '涉及的待遇', 'Which benefit', [
        ['pension', '养老保险', 'Pension'],
        ['medical', '医疗保险', 'Medical insurance'],
        ['allowance', '最低生活保障', 'Minimum living allowance'],
        ['relief', '临时救助', 'Temporary relief'],
        ['other', '其他', 'Other'],
      ]),
    ],
  },
  agriculture: {
    name: { zh: '农业农村', en: 'Agriculture and rural affairs' },
    description: { zh: '土地承包、农村集体资产、惠农补贴等问题', en: 'Land contracts, village collective assets, farm subsidies' },
    keywords: { zh: '承包地,集体资产,补贴,村务,农村', en: 'land contract, collective assets, subsidies, village affairs, rural' },
    group: GROUP.rural,
    attributes: [text('village', '所在村', 'The village', false, 60)],
  },
  other: {
    name: { zh: '其他', en: 'Other matters' },
    description: { zh: '不属于以上类别的事项', en: 'Matters that fit none of the other services' },
    keywords: { zh: '其他', en: 'other' },
    group: GROUP.other,
    attributes: [],
  },
};

export const services: ServiceDef[] = domains.map((code) => ({ code, ...SERVICES[code] }));

export function findService(code: string): ServiceDef | undefined {
  return services.find((s) => s.code === code);
}

/** Every attribute of a service, in the order shown: its own facts first, then the common ones. */
export function attributesOf(service: ServiceDef): AttributeDef[] {
  return [...service.attributes, ...COMMON_ATTRIBUTES];
}

/** The time limits the 2022 Regulations give, told to the submitter and in every request. */
export const SERVICE_NOTICE: Message = {
  zh:
    '依据《信访工作条例》：信访部门收到后 15 日内登记并转送、交办（第二十二条）；有权处理的机关 15 日内书面告知是否受理（第二十三条）；' +
    '自受理之日起 60 日内办结并出具书面处理意见，情况复杂的经批准可延长不超过 30 日（第三十三条）；对处理意见不服的，可在收到之日起 30 日内请求复查，' +
    '对复查意见不服的，可在收到之日起 30 日内请求复核（第三十五、三十六条）。期限末日为法定节假日的，顺延至节假日后第一个工作日。',
  en:
    'Under the 2022 Regulations on Petition Work: the petition office registers and routes it within 15 days of receipt (Art. 22); the ' +
    'authority responsible says in writing within 15 days whether it accepts it (Art. 23); it is handled and answered in writing within 60 ' +
    'days of acceptance, extendable once by at most 30 days (Art. 33); the petitioner may ask for a review within 30 days of the reply and ' +
    'for a re-review within 30 days of the review (Arts. 35, 36). A deadline falling on a public holiday moves to the next working day.',
};

/** The service list entry, in the asked language. */
export function serviceListEntry(s: ServiceDef, locale: Locale) {
  return {
    service_code: s.code,
    service_name: s.name[locale],
    description: s.description[locale],
    metadata: true,
    type: 'batch',
    keywords: s.keywords[locale],
    group: s.group[locale],
  };
}

export function serviceDefinition(s: ServiceDef, locale: Locale) {
  return {
    service_code: s.code,
    attributes: attributesOf(s).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription?.[locale] ?? null,
      order: i + 1,
      description: a.description[locale],
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name[locale] })) } : {}),
    })),
  };
}
