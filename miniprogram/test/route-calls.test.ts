import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type TransportRequest } from '../src/services/request';
import { routeCalls } from '../src/services/route-calls';

/** Every call answers `status` with an error body (or `{}` for a 2xx); requests are recorded. */
function callsAnswering(status: number) {
  const sent: TransportRequest[] = [];
  const notifyError = vi.fn();
  const client = createApiClient({
    baseUrl: () => 'http://api.test',
    transport: async (request) => {
      sent.push(request);
      return { status, body: status < 300 ? {} : { code: 'CONFLICT', message: '服务端的说明' } };
    },
    tokens: { accessToken: () => 'token', refreshToken: () => null, save: () => {}, clear: () => {} },
    notifyError,
  });
  return { api: routeCalls(client), sent, notifyError };
}

describe('typed calls derived from the routes', () => {
  it('fills the path parameters in order, then sends the body', async () => {
    const { api, sent } = callsAnswering(200);
    await api.updateLetterSubscription('C001', 'dividend_statement', { delivery: 'paper', channels: [] });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: 'http://api.test/customers/C001/letter-subscriptions/dividend_statement',
      body: { delivery: 'paper', channels: [] },
    });
  });

  it('adds the query string and headers a caller gives', async () => {
    const { api, sent } = callsAnswering(200);
    await api.listHandoffMessages('h1', { query: { after: '3' } });
    await api.submitEndorsement('EA1', {}, { headers: { 'Idempotency-Key': 'k1' } });
    expect(sent[0]?.url).toBe('http://api.test/assistant/handoffs/h1/messages?after=3');
    expect(sent[1]?.headers['Idempotency-Key']).toBe('k1');
  });

  it('leaves a failed read to the page and shows the message of any other failed call', async () => {
    const { api, notifyError } = callsAnswering(409);
    await expect(api.getPolicy('8800')).rejects.toMatchObject({ status: 409 });
    expect(notifyError).not.toHaveBeenCalled();
    await expect(api.bookCallbackSlot('8800', { slotId: '202601010900' })).rejects.toMatchObject({
      status: 409,
    });
    expect(notifyError).toHaveBeenCalledWith('服务端的说明');
  });

  it('lets the caller decide otherwise', async () => {
    const { api, notifyError } = callsAnswering(409);
    await expect(
      api.signDocument('PD1', { uploadId: 'u', contentHash: 'h' }, { silent: true }),
    ).rejects.toThrow();
    expect(notifyError).not.toHaveBeenCalled();
    await expect(api.getHandoff('h1', { silent: false })).rejects.toThrow();
    expect(notifyError).toHaveBeenCalledOnce();
  });
});
