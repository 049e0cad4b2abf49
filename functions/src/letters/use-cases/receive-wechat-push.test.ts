import { describe, expect, it } from 'vitest';
import { receiveSecureWechatPush } from './receive-wechat-push';

/** The nonce store around a push's handling: once per (timestamp, nonce), given back on failure. */
function harness(failing: { add: boolean }) {
  const claimed = new Set<string>();
  const added: string[] = [];
  const deps = {
    envelope: {
      open: async () => ({
        message: JSON.stringify({
          FromUserName: 'o1',
          CreateTime: 1,
          Event: 'subscribe_msg_popup_event',
          List: { TemplateId: 'T1', SubscribeStatusString: 'accept' },
        }),
        replayKey: 'NONCE#1700000000#n1',
      }),
    },
    credits: {
      claimEvent: async (key: string) => {
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      },
      releaseEvent: async (key: string) => void claimed.delete(key),
      add: async (_openid: string, templateId: string) => {
        if (failing.add) throw new Error('table unavailable');
        added.push(templateId);
      },
      clear: async () => undefined,
      messageRef: async () => null,
    },
    notices: { countFunnel: async () => undefined },
    letters: { recordReached: async () => [] },
    logger: { info: () => undefined, warn: () => undefined },
    now: () => 1_700_000_000_000,
  };
  return { deps, claimed, added };
}

describe('a push in security mode', () => {
  it('is handled once per nonce: the same request again is refused', async () => {
    const { deps, added } = harness({ add: false });
    expect(await receiveSecureWechatPush(deps, {}, '')).toBe('success');
    await expect(receiveSecureWechatPush(deps, {}, '')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(added).toEqual(['T1']);
  });

  it('gives the nonce back when handling fails, so WeChat’s retry is handled', async () => {
    const failing = { add: true };
    const { deps, claimed, added } = harness(failing);
    await expect(receiveSecureWechatPush(deps, {}, '')).rejects.toThrow('table unavailable');
    expect(claimed.size).toBe(0);
    failing.add = false;
    expect(await receiveSecureWechatPush(deps, {}, '')).toBe('success');
    expect(added).toEqual(['T1']);
  });
});
