import { describe, expect, it } from 'vitest';
import { handler as rateAssistantAnswer } from '../../src/assistant/handlers/rate-assistant-answer';
import { handler as sendAssistantMessage } from '../../src/assistant/handlers/send-assistant-message';
import { invoke } from '../../src/platform/http/testing';
import { accessTokenFor } from '../support/access-token-for';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { useTestContainer } from '../support/test-system';

/**
 * The assistant answers anyone, so a visitor without a token is limited per address (60 questions
 * a minute, 1,000 an hour); signed-in customers are not, and other addresses are untouched.
 */
const kit = useTestContainer();

const ask = (sourceIp: string, token?: string) =>
  invoke(sendAssistantMessage, {
    path: '/assistant/messages',
    body: { text: '怎么办理保单贷款' },
    sourceIp,
    ...(token ? { token } : {}),
  });

describe('anonymous assistant questions, per address', () => {
  it('answers 60 a minute from one address, refuses the 61st with the wait, and leaves others alone', async () => {
    await seedDemoDataOnce({ repositories: kit.container.repositories });
    for (let i = 0; i < 60; i++) expect((await ask('203.0.113.20')).status).toBe(200);
    const refused = await ask('203.0.113.20');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请在 1 分钟后重试' });
    expect((await ask('198.51.100.20')).status).toBe(200);
    // A signed-in customer behind the same address (a carrier's NAT) is not counted against it.
    const token = await accessTokenFor(kit.container, 'demo-customer-c001');
    expect((await ask('203.0.113.20', token)).status).toBe(200);
    kit.advance(61_000);
    expect((await ask('203.0.113.20')).status).toBe(200);
  });

  it('limits anonymous ratings of answers the same way', async () => {
    const rate = () =>
      invoke(rateAssistantAnswer, {
        path: '/assistant/feedback',
        body: { conversationId: '00000000-0000-4000-8000-000000000000', turn: 1, rating: 'up' },
        sourceIp: '203.0.113.21',
      });
    for (let i = 0; i < 60; i++) expect((await rate()).status).not.toBe(429);
    expect((await rate()).status).toBe(429);
  });
});
