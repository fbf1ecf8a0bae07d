import { badRequest } from '../lib/errors';
import type { PortalIntake } from '@qiao/contracts';
import type { Deps } from '../context';
import { outbox } from '../db/schema';
import { encrypt } from '../lib/crypto';
import { applyCommand } from '../petitions/command';
import type { CheckedFile } from '../petitions/attachments';
import { registerAs } from '../petitions/register';
import { petitionOfficeFor } from '../units/repo';
import { openWithSecret } from './secret';
import { portalView } from './view';

/** The history names the resident as acting through the portal; no account, no user id. */
const RESIDENT = { userId: 'resident', unitId: null };

export async function submitFromPortal(deps: Deps, input: PortalIntake, files: CheckedFile[], idempotencyKey: string | undefined) {
  const office = await petitionOfficeFor(deps.db, input.jurisdictionCode);
  if (!office)
    throw badRequest(
      'noPetitionOffice',
      { zh: 'jurisdictionCode：该地区暂未开通网上信访，请选择所在区县', en: 'jurisdictionCode: no petition office serves this place yet; pick your county' },
      { field: 'jurisdictionCode' },
    );
  const result = await registerAs(
    deps,
    {
      channel: 'online',
      category: input.category,
      litigationRelated: false,
      domain: input.domain,
      title: input.title,
      content: input.content,
      demands: input.demands,
      respondent: input.respondent,
      jurisdictionCode: input.jurisdictionCode,
      address: input.address,
      collective: false,
      headcount: 1,
      petitioners: [input.contact],
    },
    files,
    idempotencyKey,
    {
      office,
      actor: RESIDENT,
      channel: 'online',
      submittedByUserId: null,
      keyScope: 'portal',
      consentAt: deps.now(),
      mayLink: () => false,
      afterInsert: async (tx, p) => {
        if (!input.contact.phone) return;
        // The SMS carries the code and secret, so the row stores both recipient and body encrypted.
        const body = `【青川信访】您的信访件已登记。编号 ${p.trackingCode}，查询码 ${p.secret}，请妥善保存，可在网上信访平台查询办理进展。`;
        await tx.insert(outbox).values({
          jurisdictionCode: p.jurisdictionCode,
          petitionId: p.id,
          channel: 'sms',
          recipient: encrypt(deps.keys.encryption, input.contact.phone),
          template: 'portalSubmitted',
          bodyEnc: encrypt(deps.keys.encryption, body),
          nextAttemptAt: deps.now(),
          createdAt: deps.now(),
        });
      },
    },
  );
  // Without a gateway the text goes nowhere (the console sender logs that one would go, not its body): the resident
  // must not count on it to keep the secret.
  const texted = Boolean(input.contact.phone) && deps.smsGateway === true;
  return { created: result.created, body: { trackingCode: result.body.trackingCode, secret: result.body.trackingSecret, texted } };
}

export async function trackFromPortal(deps: Deps, code: string, secret: string | undefined) {
  return portalView(deps, await openWithSecret(deps, code, secret));
}

/** A resident rates the outcome, or asks for a review / re-review, on their own petition. */
export async function residentCommand(
  deps: Deps,
  code: string,
  secret: string | undefined,
  command: { type: 'rate'; rating: 'satisfied' | 'basicallySatisfied' | 'dissatisfied'; comment?: string } | { type: 'requestReview' | 'requestReReview'; reason: string },
) {
  const row = await openWithSecret(deps, code, secret);
  const { type, ...body } = command;
  await applyCommand(deps, row.id, type, body as never, { actor: RESIDENT, authorise: () => undefined });
  return trackFromPortal(deps, code, secret);
}
