import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';
export interface Message {
  zh: string;
  en: string;
}

const zh = {
  appName: '网上信访',
  appTagline: '无需注册 · 依法办理 · 全程可查',
  skip: '跳到主要内容',
  navLabel: '主要功能',
  navSubmit: '提交信访',
  navTrack: '查询进展',
  navReception: '领导接访',
  switchTo: 'English',
  switchToLabel: 'Switch to English',
  footer: '依据《信访工作条例》办理。情况紧急或涉及人身安全，请立即拨打 110。',
  notFound: '页面不存在',
  backHome: '返回首页',
  loading: '正在加载…',
  retry: '重试',
  networkError: '网络连接失败，请检查网络后重试',
  required: '必填',
  optional: '（选填）',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败，请手动抄写',
  // submit
  submitTitle: '提交信访事项',
  submitIntro: '请如实填写。提交后您会得到一个信访件编号和查询码，凭它们可随时查询办理进展。',
  kindLegend: '您要反映的是哪一类事项？',
  kind_suggestion: '建议意见',
  kind_suggestion_help: '对政府工作提出意见或建议，例如改进公交线路、增设小区配套设施。',
  kind_accusation: '检举控告',
  kind_accusation_help:
    '反映公职人员或单位的违法违纪行为，例如乱收费、失职渎职。您的身份不会透露给被反映的单位。',
  kind_claim: '申诉求决',
  kind_claim_help: '请求解决您自己的具体问题，例如拖欠工资、物业不维修、补偿没有到位。',
  courtTitle: '这些事项请走法定途径',
  courtText: '已经进入诉讼、仲裁或行政复议程序的事项，应当在那里解决，在此提交会被告知转向相应途径，例如：',
  court1: '已向法院起诉，或法院已经判决、裁定的纠纷（如已起诉的借款、工资纠纷）；',
  court2: '已申请劳动人事争议仲裁，或仲裁已经裁决的事项；',
  court3: '已申请行政复议，或对罚款、吊销执照等行政决定不服、依法可以申请复议的事项。',
  domain: '涉及领域',
  domain_housing: '房地产',
  domain_labor: '劳动保障（欠薪）',
  domain_land: '征地拆迁补偿',
  domain_legal: '涉法涉诉',
  domain_education: '教育',
  domain_health: '医疗卫生',
  domain_propertyManagement: '物业',
  domain_environment: '生态环境',
  domain_urbanConstruction: '城建',
  domain_socialSecurity: '社保民政',
  domain_agriculture: '农业农村',
  domain_other: '其他',
  placeLegend: '事情发生在哪里？',
  placeHelp: '请选到区县；知道乡镇（街道）的也请选上。',
  city: '市',
  county: '区县',
  town: '乡镇（街道）',
  choose: '请选择',
  chooseAny: '不确定 / 不选',
  placeLoadError: '地区列表加载失败',
  address: '详细地点',
  addressHint: '如小区、楼栋、路段',
  respondent: '反映对象',
  respondentHint: '单位、公司或人员名称，没有可不填',
  matterLegend: '具体情况',
  title: '标题',
  titleHint: '一句话概括，如“小区电梯坏了两个月没人修”',
  content: '事情经过',
  contentHint: '什么时间、什么地点、发生了什么、已经找过谁',
  demands: '您的诉求',
  demandsHint: '希望政府帮助解决什么',
  attachments: '附件',
  attachmentsHint: '可上传照片、PDF、Word/Excel 文档、录音或文本，每个不超过 20 MB，最多 20 个。',
  attachAdd: '选择文件',
  attachRemove: '移除',
  attachTooBig: '{name} 超过 20 MB，未添加',
  attachTooMany: '最多上传 20 个附件',
  contactLegend: '联系人',
  contactName: '姓名',
  contactPhone: '手机号码',
  contactPhoneHint: '填写后将以短信发送编号和查询码，办理单位也可能与您联系',
  contactIdCard: '身份证号',
  contactAddress: '联系地址',
  privacyTitle: '个人信息处理说明',
  privacyText:
    '您的姓名、电话、身份证号和地址加密保存，只用于办理本件；只有办理本件的工作人员在需要时才能查看，每次查看都有记录。检举控告类事项不会向被反映的单位透露您的身份。依法需要保存的材料按档案规定保管。',
  consent: '我已阅读并同意以上个人信息处理说明',
  submit: '提交',
  submitting: '正在提交…',
  fixErrors: '请先更正下列问题：',
  errRequired: '请填写{field}',
  errChoose: '请选择{field}',
  errConsent: '请阅读并勾选同意个人信息处理说明',
  errPhone: '手机号码格式不正确',
  doneTitle: '已提交成功',
  doneIntro: '请记下下面的信访件编号和查询码。',
  trackingCode: '信访件编号',
  secret: '查询码',
  copyBoth: '复制编号和查询码',
  keepWarning:
    '查询码只显示这一次，无法找回。请立即抄写或截图，妥善保管，不要告诉他人。凭编号和查询码可查询进展、查看答复、评价和请求复查。',
  smsNote: '我们也已将编号和查询码通过短信发到您留的手机。',
  goTrack: '查询办理进展',
  submitAnother: '再提交一件',
  // track
  trackTitle: '查询办理进展',
  trackIntro: '输入提交时得到的信访件编号和查询码。',
  remember: '在本设备上记住编号和查询码',
  rememberHint: '只在您自己的手机上勾选',
  query: '查询',
  querying: '正在查询…',
  forget: '在本设备上忘记',
  forgotten: '已从本设备删除',
  receivedOn: '收到日期',
  status: '当前状态',
  handlingUnit: '办理单位',
  deadlinesTitle: '办理时限',
  deadlinesIntro: '法律规定的办理期限，以及您可以行使权利的期限：',
  dueOn: '截止 {date}',
  clock_running: '进行中',
  clock_paused: '暂停计时',
  clock_ended: '已结束',
  late: '已逾期',
  timelineTitle: '办理经过',
  mergedTitle: '与同一事项合并办理',
  mergedIntro:
    '您反映的问题与其他群众反映的是同一件事，已合并为一件集体信访事项，由同一单位统一办理、统一答复。下面是合并后事项的办理进展。您的编号和查询码继续有效，可以随时用它们查询。',
  mergedStatus: '合并后事项的状态',
  mergedReply: '已于 {date} 出具书面处理意见：{outcome}。答复意见由办理单位向信访人送达；如未收到，可联系办理单位。',
  mergedDeadlines: '合并后事项的办理时限',
  replyTitle: '书面答复意见',
  outcome: '处理结果',
  issuedOn: '出具日期',
  deliveredOn: '送达日期',
  download: '下载答复意见书',
  downloading: '正在下载…',
  rateTitle: '满意度评价',
  rateIntro: '您对处理结果满意吗？每件只能评价一次。',
  rating_satisfied: '满意',
  rating_basicallySatisfied: '基本满意',
  rating_dissatisfied: '不满意',
  comment: '意见或建议',
  sendRating: '提交评价',
  yourRating: '您的评价：{rating}',
  reviewTitle: '请求复查',
  reviewIntro: '对处理意见不服的，可以请求上一级机关复查。',
  reviewOpenUntil: '请在 {date} 之前（含当日）提出。',
  reviewClosed: '请求复查的期限已于 {date} 届满，依法不能再请求复查。',
  reviewRequested: '已请求复查，正在等待复查意见。',
  reviewDecided: '复查意见（{date}）',
  reReviewTitle: '请求复核',
  reReviewIntro: '对复查意见不服的，可以请求再上一级机关复核，复核意见为最终意见。',
  reReviewClosed: '请求复核的期限已于 {date} 届满，依法不能再请求复核。',
  reReviewRequested: '已请求复核，正在等待复核意见。',
  reReviewDecided: '复核意见（{date}）',
  reason: '理由',
  reasonHint: '说明您对哪一点不服，以及原因',
  sendReview: '提交复查请求',
  sendReReview: '提交复核请求',
  sent: '已提交',
  // reception
  receptionTitle: '领导接访日',
  receptionIntro: '领导定期公开接待群众。选一天预约，按预约时间带上身份证和相关材料到场。',
  noDays: '近期暂无领导接访安排，请稍后再来看看。',
  leader: '接访领导',
  place: '地点',
  topics: '接待事项',
  remaining: '剩余 {n} 个名额，共 {capacity} 个',
  full: '已约满',
  book: '预约这一天',
  bookTitle: '预约 {date}',
  bookAs: '您的事项',
  bookExisting: '已提交过信访件',
  bookNew: '新的事项',
  summary: '想反映的问题',
  summaryHint: '简要说明，便于领导提前了解',
  bookSubmit: '确认预约',
  booking: '正在预约…',
  cancelForm: '取消',
  bookedTitle: '预约成功',
  bookingCode: '预约编号',
  cancelSecret: '取消码',
  slot: '第 {n} 号',
  bookedWhen: '{date} {time}，{place}',
  bookedWarning: '取消码只显示这一次。如不能到场，请凭预约编号和取消码取消，把名额留给别人。',
  cancelTitle: '取消预约',
  cancelIntro: '输入预约编号和取消码。',
  cancelSubmit: '取消预约',
  cancelling: '正在取消…',
  cancelled: '预约 {code} 已取消。',
  done: '完成',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  appName: 'Online petitions',
  appTagline: 'No account needed · handled by law · follow every step',
  skip: 'Skip to main content',
  navLabel: 'Main',
  navSubmit: 'Submit',
  navTrack: 'Track',
  navReception: 'Reception days',
  switchTo: '中文',
  switchToLabel: '切换到中文',
  footer:
    'Handled under the Regulations on Petition Work. In an emergency or if anyone is in danger, call 110 now.',
  notFound: 'Page not found',
  backHome: 'Back to the start',
  loading: 'Loading…',
  retry: 'Try again',
  networkError: 'Could not reach the server; check your connection and try again',
  required: 'required',
  optional: ' (optional)',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy; please write it down',
  submitTitle: 'Submit a petition',
  submitIntro:
    'Please tell us truthfully. You will get a tracking code and a secret to follow your case at any time.',
  kindLegend: 'What kind of matter is it?',
  kind_suggestion: 'Suggestion',
  kind_suggestion_help:
    'An opinion or proposal on government work, e.g. a better bus route or new facilities for a neighbourhood.',
  kind_accusation: 'Accusation',
  kind_accusation_help:
    'Wrongdoing by an official or a public body, e.g. illegal fees or neglect of duty. Your identity is never shown to those you report.',
  kind_claim: 'Claim',
  kind_claim_help:
    'A request to solve your own problem, e.g. unpaid wages, repairs the property manager refuses, compensation not paid.',
  courtTitle: 'These belong to a legal channel',
  courtText:
    'A matter already before a court, an arbitration or an administrative reconsideration is decided there; if you submit it here you will be directed there, for example:',
  court1:
    'a dispute you have taken to court, or that a court has already judged (e.g. a loan or wage case you have filed);',
  court2: 'a matter before labour or personnel arbitration, or already decided by it;',
  court3:
    'an administrative decision (a fine, a revoked licence) you have appealed, or may appeal, by administrative reconsideration.',
  domain: 'Area',
  domain_housing: 'Housing and real estate',
  domain_labor: 'Labour (unpaid wages)',
  domain_land: 'Land, demolition and compensation',
  domain_legal: 'Court-related',
  domain_education: 'Education',
  domain_health: 'Health care',
  domain_propertyManagement: 'Property management',
  domain_environment: 'Environment',
  domain_urbanConstruction: 'Urban construction',
  domain_socialSecurity: 'Social security and welfare',
  domain_agriculture: 'Agriculture and villages',
  domain_other: 'Other',
  placeLegend: 'Where did it happen?',
  placeHelp: 'Choose at least the county or district; add the town or street if you know it.',
  city: 'City',
  county: 'County / district',
  town: 'Town / street',
  choose: 'Choose',
  chooseAny: 'Not sure / skip',
  placeLoadError: 'Could not load the list of places',
  address: 'Exact place',
  addressHint: 'e.g. estate, building, road',
  respondent: 'Who it is about',
  respondentHint: 'A body, company or person; leave empty if none',
  matterLegend: 'Your matter',
  title: 'Title',
  titleHint: 'One line, e.g. “The lift in our building has been broken for two months”',
  content: 'What happened',
  contentHint: 'When, where, what happened, whom you have already asked',
  demands: 'What you ask for',
  demandsHint: 'What you want the government to do',
  attachments: 'Attachments',
  attachmentsHint: 'Photos, PDF, Word/Excel documents, recordings or text; up to 20 files of 20 MB each.',
  attachAdd: 'Choose files',
  attachRemove: 'Remove',
  attachTooBig: '{name} is larger than 20 MB and was not added',
  attachTooMany: 'At most 20 attachments',
  contactLegend: 'Your contact details',
  contactName: 'Name',
  contactPhone: 'Mobile phone',
  contactPhoneHint: 'We text you the tracking code and secret; the unit handling it may call you',
  contactIdCard: 'ID card number',
  contactAddress: 'Postal address',
  privacyTitle: 'How we handle your personal data',
  privacyText:
    'Your name, phone, ID number and address are stored encrypted and used only for this petition. Only staff handling it can see them when needed, and every look is recorded. For an accusation, your identity is never shown to those you report. Records the law requires us to keep are archived under the archive rules.',
  consent: 'I have read and agree to how my personal data is handled',
  submit: 'Submit',
  submitting: 'Submitting…',
  fixErrors: 'Please correct the following:',
  errRequired: 'Please fill in: {field}',
  errChoose: 'Please choose: {field}',
  errConsent: 'Please read and tick your agreement to the personal data notice',
  errPhone: 'The phone number does not look right',
  doneTitle: 'Submitted',
  doneIntro: 'Write down the tracking code and the secret below.',
  trackingCode: 'Tracking code',
  secret: 'Secret',
  copyBoth: 'Copy code and secret',
  keepWarning:
    'The secret is shown only this once and cannot be recovered. Write it down or take a screenshot now, keep it safe and tell no one. With the code and the secret you can follow the case, read the reply, rate it and ask for a review.',
  smsNote: 'We have also texted the code and the secret to the mobile number you gave.',
  goTrack: 'Follow the case',
  submitAnother: 'Submit another',
  trackTitle: 'Follow your petition',
  trackIntro: 'Enter the tracking code and the secret you got when you submitted.',
  remember: 'Remember the code and secret on this device',
  rememberHint: 'Only on your own phone',
  query: 'Look up',
  querying: 'Looking up…',
  forget: 'Forget on this device',
  forgotten: 'Removed from this device',
  receivedOn: 'Received',
  status: 'Status',
  handlingUnit: 'Handled by',
  deadlinesTitle: 'Time limits',
  deadlinesIntro: 'The time limits the law gives the government, and your own windows:',
  dueOn: 'by {date}',
  clock_running: 'running',
  clock_paused: 'paused',
  clock_ended: 'ended',
  late: 'late',
  timelineTitle: 'What has happened',
  mergedTitle: 'Handled together with the same matter',
  mergedIntro:
    'Other residents raised the same matter as you, so the petitions were merged into one collective petition, handled and answered by one unit. This is how that petition stands. Your tracking code and secret still work: use them to follow it at any time.',
  mergedStatus: 'Status of the merged petition',
  mergedReply: 'A written decision was issued on {date}: {outcome}. The handling unit delivers it to the petitioners; if you have not received it, contact that unit.',
  mergedDeadlines: 'Time limits of the merged petition',
  replyTitle: 'Written reply',
  outcome: 'Outcome',
  issuedOn: 'Issued',
  deliveredOn: 'Delivered',
  download: 'Download the reply',
  downloading: 'Downloading…',
  rateTitle: 'Rate the outcome',
  rateIntro: 'Are you satisfied with the outcome? You can rate once.',
  rating_satisfied: 'Satisfied',
  rating_basicallySatisfied: 'Basically satisfied',
  rating_dissatisfied: 'Dissatisfied',
  comment: 'Comment',
  sendRating: 'Send rating',
  yourRating: 'Your rating: {rating}',
  reviewTitle: 'Ask for a review',
  reviewIntro: 'If you disagree with the reply, you can ask the authority one level up to review it.',
  reviewOpenUntil: 'Ask by {date} (inclusive).',
  reviewClosed: 'The time to ask for a review ended on {date}; a review can no longer be requested.',
  reviewRequested: 'Review requested; waiting for the review decision.',
  reviewDecided: 'Review decision ({date})',
  reReviewTitle: 'Ask for a re-review',
  reReviewIntro:
    'If you disagree with the review, you can ask the authority above that for a final re-review.',
  reReviewClosed: 'The time to ask for a re-review ended on {date}; a re-review can no longer be requested.',
  reReviewRequested: 'Re-review requested; waiting for the decision.',
  reReviewDecided: 'Re-review decision ({date})',
  reason: 'Reason',
  reasonHint: 'What you disagree with, and why',
  sendReview: 'Ask for a review',
  sendReReview: 'Ask for a re-review',
  sent: 'Sent',
  receptionTitle: 'Leaders’ reception days',
  receptionIntro:
    'Leaders meet residents in person on set days. Book a slot, then come at the time booked with your ID card and any papers.',
  noDays: 'No reception days are scheduled yet; please check again later.',
  leader: 'Leader',
  place: 'Place',
  topics: 'Topics',
  remaining: '{n} of {capacity} slots left',
  full: 'Fully booked',
  book: 'Book this day',
  bookTitle: 'Book {date}',
  bookAs: 'Your matter',
  bookExisting: 'I have already submitted it',
  bookNew: 'A new matter',
  summary: 'What you want to raise',
  summaryHint: 'In short, so the leader can prepare',
  bookSubmit: 'Book',
  booking: 'Booking…',
  cancelForm: 'Cancel',
  bookedTitle: 'Booked',
  bookingCode: 'Booking code',
  cancelSecret: 'Cancel secret',
  slot: 'Slot {n}',
  bookedWhen: '{date} {time}, {place}',
  bookedWarning:
    'The cancel secret is shown only once. If you cannot come, cancel with the booking code and the cancel secret so someone else can have the slot.',
  cancelTitle: 'Cancel a booking',
  cancelIntro: 'Enter the booking code and the cancel secret.',
  cancelSubmit: 'Cancel booking',
  cancelling: 'Cancelling…',
  cancelled: 'Booking {code} is cancelled.',
  done: 'Done',
};

const dictionaries: Record<Lang, Record<Key, string>> = { zh, en };
const STORAGE_KEY = 'qiao.portal.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

interface LangValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** A server message in the current language. */
  pick: (m: Message) => string;
  date: (iso: string) => string;
}

const LangContext = createContext<LangValue | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = dictionaries[lang].appName + (lang === 'zh' ? ' · 桥' : ' · Qiao');
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this visit only
    }
  }, []);
  const value = useMemo<LangValue>(() => {
    const dict = dictionaries[lang];
    const fmt = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: lang === 'zh' ? 'long' : 'short',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    return {
      lang,
      setLang,
      t: (key, vars) => dict[key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars?.[v] ?? `{${v}}`)),
      pick: (m) => m[lang],
      date: (iso) => {
        const d = new Date(`${iso}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
      },
    };
  }, [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangValue {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}

export function currentLang(): Lang {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}
