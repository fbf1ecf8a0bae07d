import { categoryNames, domainNames, nameOf, supervisionReasonNames, type Message, type PetitionEvent } from '@qiao/core';

type Names = Map<string, string>;

const outcome: Record<string, Message> = {
  support: { zh: '予以支持', en: 'supported' },
  explain: { zh: '解释说明', en: 'explained' },
  notSupport: { zh: '不予支持', en: 'not supported' },
  mediated: { zh: '调解达成协议', en: 'settled by mediation' },
  uphold: { zh: '维持原意见', en: 'upheld' },
  revise: { zh: '变更原意见', en: 'revised' },
};

const divertTo: Record<string, Message> = {
  litigation: { zh: '诉讼', en: 'litigation' },
  arbitration: { zh: '仲裁', en: 'arbitration' },
  reconsideration: { zh: '行政复议', en: 'administrative reconsideration' },
  partyDiscipline: { zh: '党纪申诉等程序', en: 'party discipline procedures' },
  otherLegal: { zh: '其他法定途径', en: 'another legal channel' },
};

const pauseReason: Record<string, Message> = {
  hearing: { zh: '举行听证', en: 'a hearing' },
  awaitingMaterial: { zh: '等待信访人补充材料', en: 'waiting for material from the petitioner' },
  expertAssessment: { zh: '鉴定', en: 'an expert assessment' },
};

const rating: Record<string, Message> = {
  satisfied: { zh: '满意', en: 'satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
};

const declineReason: Record<string, Message> = {
  notPetitionMatter: { zh: '不属于信访事项', en: 'not a petition matter' },
  outsideRemit: { zh: '不属于本机关职权范围', en: 'outside this body’s remit' },
  sameMatterInProgress: { zh: '同一事项正在办理中', en: 'the same matter is already being handled' },
  finalAfterReReview: { zh: '已复核终结', en: 'finally decided on re-review' },
  insufficientInformation: { zh: '信访人身份或诉求不明', en: 'petitioner or request unclear' },
};

const m = (zh: string, en: string): Message => ({ zh, en });

/** One line, in plain words, for each step of the history. */
export function summarise(event: PetitionEvent, names: Names): Message {
  const unit = (id: string | undefined) => (id ? (names.get(id) ?? id) : '');
  switch (event.type) {
    case 'registered':
      return m('登记信访事项', 'Petition registered');
    case 'assigned': {
      const u = unit(event.data.unit.id);
      const limit = event.data.limitDays;
      return m(
        `交办至${u}${limit ? `，限 ${limit} 日内办结并报送结果` : '，要求报送办理结果'}`,
        `Assigned to ${u}, which is to ${limit ? `conclude within ${limit} days and ` : ''}report the result back`,
      );
    }
    case 'forwarded': {
      const u = unit(event.data.unit.id);
      return m(`转送至${u}`, `Forwarded to ${u}`);
    }
    case 'receiptNotified':
      return m('书面告知信访人接收情况及处理途径和程序', 'The petitioner was told in writing that the matter was received and how it will be handled');
    case 'accepted':
      return m('受理，已书面告知信访人', 'Accepted; the petitioner was told in writing');
    case 'declined': {
      const r = nameOf(declineReason, event.data.reason);
      return m(`不予受理（${r.zh}），已书面告知信访人`, `Declined (${r.en}); the petitioner was told in writing`);
    }
    case 'objected':
      return m('承办单位提出异议：不属于本单位职权范围', 'The unit objected: outside its remit');
    case 'objectionDecided':
      return event.data.approve
        ? m('异议核实同意，退回重新转送', 'Objection upheld; the petition returns to be routed again')
        : m('异议不予同意，由原单位继续办理', 'Objection rejected; the unit keeps the petition');
    case 'diverted': {
      const t = nameOf(divertTo, event.data.to);
      return m(`导入${t.zh}途径，已告知信访人`, `Diverted to ${t.en}; the petitioner was told`);
    }
    case 'extended':
      return m(
        `经单位负责人批准延长办理期限 ${event.data.days} 日，已告知信访人`,
        `Handling limit extended by ${event.data.days} days with the unit head's approval; petitioner told`,
      );
    case 'paused': {
      const r = nameOf(pauseReason, event.data.reason);
      return m(`因${r.zh}中止计算期限`, `Clock paused for ${r.en}`);
    }
    case 'resumed':
      return m('恢复计算期限', 'Clock resumed');
    case 'replied': {
      const o = nameOf(outcome, event.data.outcome);
      return m(`出具信访处理意见书：${o.zh}`, `Written opinion issued: ${o.en}`);
    }
    case 'concluded':
      return event.data.resolved
        ? m('办结，问题已化解', 'Concluded; the problem was resolved')
        : m('办结', 'Concluded');
    case 'reviewRequested': {
      const u = unit(event.data.unit.id);
      return m(`信访人请求复查，由${u}复查`, `The petitioner asked for a review, by ${u}`);
    }
    case 'reviewDecided': {
      const o = nameOf(outcome, event.data.outcome);
      return m(`出具复查意见：${o.zh}`, `Review decided: ${o.en}`);
    }
    case 'reReviewRequested': {
      const u = unit(event.data.unit.id);
      return m(`信访人请求复核，由${u}复核`, `The petitioner asked for a re-review, by ${u}`);
    }
    case 'reReviewDecided': {
      const o = nameOf(outcome, event.data.outcome);
      return m(`出具复核意见：${o.zh}（终结）`, `Re-review decided: ${o.en} (final)`);
    }
    case 'supervised': {
      const why = nameOf(supervisionReasonNames, event.data.reason);
      return m(`信访部门发出督办通知（督办事由：${why.zh}）`, `The petition office issued a supervision notice (reason: ${why.en})`);
    }
    case 'supervisionAnswered':
      return m('被督办单位书面答复督办通知', 'The supervised unit answered the supervision notice in writing');
    case 'rated': {
      const r = nameOf(rating, event.data.rating);
      return m(`信访人评价：${r.zh}`, `The petitioner rated the outcome: ${r.en}`);
    }
    case 'referredToJointConference':
      return m('信访部门提请联席会议研究', 'The petition office put the petition to a joint conference');
    case 'jointConferenceDecided': {
      const lead = unit(event.data.leadUnit.id);
      const co = event.data.coUnits.map((u) => unit(u.id));
      const due = event.data.replyDueOn;
      return m(
        `联席会议决定：由${lead}牵头办理${co.length ? `，${co.join('、')}协办` : ''}，${due} 前答复`,
        `Joint conference decided: ${lead} leads${co.length ? `, with ${co.join(', ')} co-handling` : ''}; reply due ${due}`,
      );
    }
    case 'coUnitOpinionAdded':
      // Also shown to the resident: the opinion itself stays internal.
      return m('协办单位提出协办意见', 'A co-handling unit gave its opinion');
    case 'repeatLinked': {
      const code = event.data.earlier.trackingCode;
      return m(`关联为重复信访：与 ${code} 为同一事项`, `Linked as a repeat of ${code} (the same matter)`);
    }
    case 'repeatUnlinked':
      return m('撤销重复信访关联', 'Repeat link undone');
    case 'reclassified': {
      const d = nameOf(domainNames, event.data.domain);
      const c = nameOf(categoryNames, event.data.category);
      const lit = event.data.litigationRelated ? m('，涉法涉诉', ', litigation-related') : m('', '');
      return m(`更正分类：${d.zh}、${c.zh}${lit.zh}`, `Classification corrected: ${d.en}, ${c.en}${lit.en}`);
    }
    case 'mergedInto':
      // Also shown to the resident: no other petition's number.
      return m('并入集体信访事项，合并办理', 'Merged into a collective petition and handled with it');
    case 'mergedIn': {
      const codes = event.data.sources.map((x) => x.trackingCode).join('、');
      const n = event.data.headcount;
      const r = event.data.representatives;
      return m(
        `合并 ${codes} 为集体信访事项：共 ${n} 人，推选代表 ${r} 人`,
        `Merged ${codes.replaceAll('、', ', ')} into this collective petition: ${n} people, ${r} representative${r === 1 ? '' : 's'}`,
      );
    }
  }
}
