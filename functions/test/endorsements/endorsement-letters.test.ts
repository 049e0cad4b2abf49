import type { LetterRecord } from '@zhixiang/shared/letters/model';
import { describe, expect, it } from 'vitest';
import {
  type DeliverEndorsementEventsDeps,
  deliverEndorsementEvents,
} from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import { GetCommand } from '../../src/platform/dynamodb/document-client';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';

/**
 * The consumer of the endorsement outbox against DynamoDB Local and s3rver: an effective
 * endorsement becomes one sealed 批单 and one 保全批单确认函 in the holder's 我的信函 linking it; the event
 * leaves the pending index; repeated and concurrent runs issue nothing twice; a failed letter
 * leaves its event pending without holding up the others.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const ZHANG_AN01 = demoPolicyNo('C001', 'AN01');

const deps = () => deliverEndorsementEventsDeps(stack.container());
/** The 批单 issued when the application took effect (the letter links it, not the application). */
const endorsementOf = async (applicationDocumentId: string) =>
  (await stack.container().repositories.documents.get(applicationDocumentId))?.endorsementDocumentId;
const pending = async () => stack.container().repositories.endorsements.listPendingDomainEvents(100);
const confirmations = async (policyNo: string): Promise<LetterRecord[]> =>
  (await stack.container().letters.listByCustomer('C001')).filter(
    (l) => l.letterType === 'endorsement_confirmation' && l.policyNo === policyNo,
  );

async function effectiveLoan(amountCents: number) {
  const { created, submitted } = await steps.complete('demo-customer-c001', ZHANG_PL01, {
    type: 'policy_loan',
    amountCents,
  });
  expect(submitted.status, submitted.text).toBe(200);
  expect(submitted.body.status).toBe('document_issued');
  return created;
}

/** Deps whose PDF rendering fails for one policy's letters (the renderer's or S3's outage). */
function failingFor(policyNo: string): DeliverEndorsementEventsDeps {
  const real = deps();
  return {
    ...real,
    logger: { info: () => {}, error: () => {} },
    letterDeps: {
      ...real.letterDeps,
      render: async (letter) => {
        if (letter.content.facts.some(([, value]) => value === policyNo)) throw new Error('renderer down');
        return real.letterDeps.render(letter);
      },
    },
  };
}

describe('an effective endorsement', () => {
  it('issues one confirmation letter with the 批单 to the holder and takes the event off the outbox', async () => {
    const created = await effectiveLoan(1_000_000);
    const [event] = (await pending()).filter((e) => e.applicationId === created.applicationId);
    expect(event).toMatchObject({ type: 'endorsement.effective', holderId: 'C001', amountCents: 1_000_000 });

    const report = await deliverEndorsementEvents(deps());
    expect(report).toMatchObject({
      pending: 1,
      endorsementsIssued: 1,
      lettersIssued: 1,
      consumed: 1,
      failed: 0,
    });
    expect(await pending()).toEqual([]);

    const endorsementId = await endorsementOf(created.documentId);
    expect(endorsementId).toMatch(/^PD/);
    expect(endorsementId).not.toBe(created.documentId);
    const [letter, ...more] = await confirmations(ZHANG_PL01);
    expect(more).toEqual([]);
    expect(letter).toMatchObject({
      customerId: 'C001',
      documentId: endorsementId,
      title: '保全批单确认函',
    });
    expect(letter?.content.facts).toEqual(
      expect.arrayContaining([
        ['保单号', ZHANG_PL01],
        ['批单号', endorsementId],
        ['变更项目', '保单贷款'],
        ['涉及金额', expect.stringContaining('10,000.00')],
        ['生效日期', expect.stringMatching(/^\d{4}年\d{2}月\d{2}日$/)],
      ]),
    );
    // The PDF is in S3, and the holder sees the letter in 我的信函.
    const pdf = await stack.container().documentFiles.readUpload(letter?.fileKey ?? '', 5_000_000);
    expect(pdf.status === 'ok' && Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
    const list = await (await steps.as('demo-customer-c001')).get<{ letters: { letterId: string }[] }>(
      '/customers/C001/letters',
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.letters.map((l) => l.letterId)).toContain(letter?.letterId);

    // Run again: nothing pending, nothing new.
    expect(await deliverEndorsementEvents(deps())).toMatchObject({
      pending: 0,
      endorsementsIssued: 0,
      lettersIssued: 0,
    });
    expect(await confirmations(ZHANG_PL01)).toHaveLength(1);
  });

  it('is delivered once when five consumers run at the same time', async () => {
    const created = await effectiveLoan(200_000);
    const reports = await Promise.all(Array.from({ length: 5 }, () => deliverEndorsementEvents(deps())));
    expect(reports.reduce((n, r) => n + r.consumed, 0)).toBe(1);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    expect(reports.reduce((n, r) => n + r.lettersIssued, 0)).toBe(1);
    // Of the five, one issued the 批单; the others found it (one number per application).
    expect(reports.reduce((n, r) => n + r.endorsementsIssued, 0)).toBe(1);
    expect(await pending()).toEqual([]);
    const endorsementId = await endorsementOf(created.documentId);
    const letters = (await confirmations(ZHANG_PL01)).filter((l) => l.documentId === endorsementId);
    expect(letters).toHaveLength(1);
  });
});

describe('a letter that fails', () => {
  it('leaves its event pending with the attempt counted, and the other events are delivered', async () => {
    const loan = await effectiveLoan(300_000);
    const address = await steps.complete('demo-customer-c001', ZHANG_AN01, {
      type: 'contact_change',
      address: '上海市徐汇区漕溪北路88号2201室',
    });
    expect(address.submitted.status, address.submitted.text).toBe(200);
    expect(address.submitted.body.status).toBe('document_issued');

    const failed = await deliverEndorsementEvents(failingFor(ZHANG_PL01));
    expect(failed).toMatchObject({ pending: 2, lettersIssued: 1, consumed: 1, failed: 1 });
    const left = await pending();
    expect(left.map((e) => e.applicationId)).toEqual([loan.applicationId]);
    const { table } = stack.container();
    const { Item: data } = await table.client.send(
      new GetCommand({
        TableName: table.table,
        Key: { pk: `DOMAINEVENT#${left[0]?.eventId}`, sk: 'DOMAINEVENT' },
      }),
    );
    expect(data).toMatchObject({ attempts: 1, lastError: 'renderer down' });
    expect((await confirmations(ZHANG_AN01)).map((l) => l.documentId)).toEqual([
      await endorsementOf(address.created.documentId),
    ]);
    // The failed event's 批单 was issued before its letter failed; the retry reuses it.
    const loanEndorsement = await endorsementOf(loan.documentId);
    expect((await confirmations(ZHANG_PL01)).filter((l) => l.documentId === loanEndorsement)).toEqual([]);

    // The next run (the renderer back) delivers it.
    expect(await deliverEndorsementEvents(deps())).toMatchObject({
      pending: 1,
      endorsementsIssued: 0,
      lettersIssued: 1,
      consumed: 1,
    });
    expect(await pending()).toEqual([]);
    expect((await confirmations(ZHANG_PL01)).filter((l) => l.documentId === loanEndorsement)).toHaveLength(1);
    expect(await endorsementOf(loan.documentId)).toBe(loanEndorsement);
  });
});
