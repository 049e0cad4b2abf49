/**
 * `npm run bench:payment-notification` — WeChat Pay's payment notification through the whole
 * handler (middy, the platform signature checked with RSA, the resource decrypted with AES-256-GCM,
 * the order read, the state machine, the repayment's rule evaluated again, the one transaction
 * that makes it effective — application + policy + audit events + outbox —, the order marked
 * paid) against the bare DynamoDB work that same notification sends: every command recorded from
 * one invocation (reads, the transaction, the conditional update, the slot's release) and replayed
 * in order, in the same run against DynamoDB Local. Between timed calls the order, the
 * application, the policy and the open-application slot are put back as they were and the
 * transaction's new items removed (untimed), and a fresh notification is sealed by the local
 * WeChat Pay fake, so every call settles the same pending order.
 */
import { generateKeyPairSync } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type TransactWriteCommandInput,
} from '../functions/src/platform/dynamodb/document-client';
import { httpEvent } from '../functions/src/platform/http/testing';
import { signedDrafts } from '../functions/test/endorsements/signed-drafts';
import { startWechatPayFake } from '../functions/test/support/wechat-pay-fake';
import { compareWithBaseline, printBenchResult } from './support/compare-with-baseline';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);
const WARMUP = 30;
const LI = 'demo-customer-c002';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

async function main() {
  const stack = await startEphemeralStack();
  const merchantKeys = pem();
  const platformKeys = pem();
  const merchant = {
    mchid: '1900000109',
    appId: 'wxlocalsandbox0000',
    merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A72',
    merchantPrivateKeyPem: merchantKeys.privateKeyPem,
    apiV3Key: `${'b'.repeat(16)}0123456789abcdef`,
    platformPublicKeyId: 'PUB_KEY_ID_BENCH',
    platformPublicKeyPem: platformKeys.publicKeyPem,
  };
  const fake = await startWechatPayFake({
    ...merchant,
    merchantPublicKeyPem: merchantKeys.publicKeyPem,
    platformPrivateKeyPem: platformKeys.privateKeyPem,
  });
  try {
    Object.assign(process.env, stack.env, {
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      WECHAT_PAY_PROVIDER: 'wechat',
      WECHAT_PAY_API_BASE_URL: fake.url,
      WECHAT_PAY_SECRET: JSON.stringify(merchant),
      WECHAT_PAY_NOTIFY_URL: 'https://bench.invalid/payments/wechat-pay/notifications',
    });
    const { getSystem } = await import('../functions/src/system');
    const { seedDemoData } = await import('../functions/src/seed/seed-demo-data');
    const { buildDemoData } = await import('../functions/src/seed/demo-data');
    const { todayInShanghai } = await import('../shared/src/format/dates');
    const { claimsFor } = await import('../functions/src/auth/use-cases/session');
    const { submitEndorsement } = await import('../functions/src/endorsements/use-cases/submit-endorsement');
    const { getEndorsement } = await import('../functions/src/endorsements/use-cases/get-endorsement');
    const { endorsementDeps } = await import('../functions/src/endorsements/wiring');
    const { createRepaymentPayment } = await import(
      '../functions/src/payments/use-cases/create-repayment-payment'
    );
    const { paymentDeps } = await import('../functions/src/payments/wiring');
    const { handler } = await import('../functions/src/payments/handlers/receive-wechat-pay-notification');
    const container = getSystem();
    const today = todayInShanghai();
    await seedDemoData({ repositories: container.repositories, today });
    const policyNo =
      buildDemoData(today).policies.find((p) => p.holderId === 'C002' && p.productCode === 'PL02')
        ?.policyNo ?? '';
    const user = await container.repositories.users.get(LI);
    if (!user) throw new Error('no demo user');
    await container.repositories.users.put({ ...user, openid: 'o-bench-li-na' });
    const claims = claimsFor(user);

    // A partial repayment of ¥5,000, approved automatically, awaiting its payment, with an open order.
    const [applicationId = ''] = await signedDrafts(
      container,
      LI,
      policyNo,
      { type: 'loan_repayment', kind: 'partial', amountCents: 500_000 },
      1,
    );
    await getEndorsement(endorsementDeps(container), claims, applicationId);
    await submitEndorsement(
      endorsementDeps(container),
      { claims, sourceIp: null, userAgent: null },
      applicationId,
      {},
      undefined,
    );
    const order = await createRepaymentPayment(paymentDeps(container), claims, applicationId);

    const doc = container.table.client;
    const table = container.table.table;
    const keys = [
      { pk: `PAYMENT#${order.outTradeNo}`, sk: 'PAYMENT' },
      { pk: `ENDORSEMENT#${applicationId}`, sk: 'ENDORSEMENT' },
      { pk: `POLICY#${policyNo}`, sk: 'POLICY' },
      { pk: `OPENENDORSEMENT#${policyNo}#loan_repayment`, sk: 'OPEN' },
    ];
    const snapshot = await Promise.all(
      keys.map(async (Key) => (await doc.send(new GetCommand({ TableName: table, Key }))).Item),
    );

    // Every action the handler sends, recorded as DynamoDB receives it (document-client commands
    // and the low-level reads some repositories send through the same client alike).
    type Sent = { action: string; wire: unknown };
    const recorded: Sent[] = [];
    let recording = false;
    let lastTransaction: TransactWriteCommandInput | undefined;
    // The replayed transaction's own items (its audit events carry the recorded ids).
    let recordedTransaction: TransactWriteCommandInput | undefined;
    doc.observe(({ action, input, wire }) => {
      if (recording) recorded.push({ action, wire: structuredClone(wire) });
      if (action === 'TransactWriteItems') {
        lastTransaction = input as TransactWriteCommandInput;
        if (recording) recordedTransaction = lastTransaction;
      }
      return undefined;
    });

    let notification = fake.pay(order.outTradeNo);
    const reset = async () => {
      // The transaction's new items (audit events, the outbox item) go; the rest is put back.
      const created = [
        ...(lastTransaction?.TransactItems ?? []),
        ...(recordedTransaction?.TransactItems ?? []),
      ]
        .map((item) => item.Put?.Item as { pk: string; sk: string } | undefined)
        .filter((item): item is { pk: string; sk: string } => Boolean(item))
        .filter((item) => !keys.some((k) => k.pk === item.pk && k.sk === item.sk));
      await Promise.all([
        ...created.map((item) =>
          doc.send(new DeleteCommand({ TableName: table, Key: { pk: item.pk, sk: item.sk } })),
        ),
        ...snapshot.map((Item, i) =>
          Item
            ? doc.send(new PutCommand({ TableName: table, Item }))
            : doc.send(new DeleteCommand({ TableName: table, Key: keys[i] })),
        ),
      ]);
      notification = fake.pay(order.outTradeNo);
    };
    const path = '/payments/wechat-pay/notifications';
    const invoke = async () => {
      const event = httpEvent({
        method: 'POST',
        path,
        rawBody: notification.body,
        headers: { 'content-type': 'application/json', ...notification.headers },
      });
      const result = (await handler(event, {} as never)) as { statusCode: number; body?: string };
      if (result.statusCode !== 204) throw new Error(`handler answered ${result.statusCode} ${result.body}`);
    };

    recording = true;
    await invoke();
    recording = false;
    const commands = recorded;
    const bare = new DynamoDBClient({});
    const lowLevel = await import('@aws-sdk/client-dynamodb');
    const replay = async () => {
      for (const { action, wire } of commands) {
        const Command = lowLevel[`${action}Command` as keyof typeof lowLevel] as new (
          input: unknown,
        ) => never;
        await bare.send(new Command(structuredClone(wire)));
      }
    };
    await reset();
    console.log(
      `\nPOST ${path} (a ¥5,000.00 repayment settled), ${ITERATIONS} iterations; the handler's DynamoDB work: ${commands
        .map((c) => c.action)
        .join(', ')}\n`,
    );
    const result = await compareWithBaseline(
      { name: `bare DynamoDB work (${commands.length} commands, in order)`, run: replay },
      { name: 'whole handler', run: invoke },
      { bench: 'payment-notification', iterations: ITERATIONS, warmup: WARMUP, afterEach: reset, goal: 1.5 },
    );
    printBenchResult(result, { commands: commands.length });
  } finally {
    await fake.close();
    await stack.stop();
  }
}

await main();
process.exit(0);
