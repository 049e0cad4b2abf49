import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ReviewView } from '@zhixiang/shared/authorisations/schemas';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';

const prepareCounterEndorsement = vi.fn();
const submitCounterEndorsement = vi.fn();
const cancelCounterEndorsement = vi.fn();
const getEndorsement = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    prepareCounterEndorsement: (...args: unknown[]) => prepareCounterEndorsement(...args),
    submitCounterEndorsement: (...args: unknown[]) => submitCounterEndorsement(...args),
    cancelCounterEndorsement: (...args: unknown[]) => cancelCounterEndorsement(...args),
    getEndorsement: (...args: unknown[]) => getEndorsement(...args),
  },
}));

const { CounterForm, counterRequest, EMPTY_COUNTER_DRAFT } = await import(
  '../src/packages/authorisations/counter/counter-form'
);

const ID = 'SQ20261201C0000001';
const view = {
  authorisationId: ID,
  status: 'approved',
  customerName: '张伟',
  fields: {
    policyNos: ['P2026000001'],
    matters: [
      { type: 'contact_change', label: '联系方式变更' },
      { type: 'surrender', label: '退保' },
      { type: 'beneficiary_change', label: '受益人变更' },
    ],
    refundAccount: { bankName: '中国工商银行', accountMasked: '**** 3217' },
    validUntil: '2027-01-31',
  },
} as unknown as ReviewView;
const application = {
  applicationId: 'EA20261201ABCDEF',
  typeLabel: '联系方式变更',
  statusLabel: '已签署',
  changes: [{ label: '联系地址', before: '上海', after: '上海市徐汇区' }],
  figureRows: [],
};

/** A contact change typed and prepared on an earlier visit, kept on the device. */
function keepPreparedDraft() {
  Taro.setStorageSync(`counter-draft:${ID}`, {
    ...EMPTY_COUNTER_DRAFT,
    policyNo: 'P2026000001',
    type: 'contact_change',
    address: '上海市徐汇区漕溪北路 88 号',
    applicationId: application.applicationId,
  });
}

function type(getByTestId: (id: string) => HTMLElement, id: string, value: string) {
  const host = getByTestId(`input-${id}`);
  fireEvent.input(host.querySelector('input') ?? host, { target: { value } });
}

describe('柜面代办: the counter form', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    prepareCounterEndorsement.mockReset();
    submitCounterEndorsement.mockReset();
    cancelCounterEndorsement.mockReset();
    getEndorsement.mockReset();
    getEndorsement.mockResolvedValue({ ...application, status: 'signed' });
    vi.restoreAllMocks();
  });

  it('names what is missing, and a matter the counter cannot prepare, before sending anything', () => {
    const base = EMPTY_COUNTER_DRAFT;
    expect(counterRequest(base)).toBe('请选择办理的保单');
    expect(counterRequest({ ...base, policyNo: 'P2026000001' })).toBe('请选择办理事项');
    expect(counterRequest({ ...base, policyNo: 'P2026000001', type: 'contact_change' })).toContain(
      '至少填写',
    );
    expect(counterRequest({ ...base, policyNo: 'P2026000001', type: 'surrender', amount: '1.234' })).toBe(
      '金额最多保留两位小数',
    );
    expect(counterRequest({ ...base, policyNo: 'P2026000001', type: 'beneficiary_change' })).toContain(
      '暂不支持柜面代办',
    );
    expect(counterRequest({ ...base, policyNo: 'P2026000001', type: 'surrender', amount: '10' })).toEqual({
      type: 'surrender',
      acknowledgedLossCents: 1000,
    });
  });

  it('keeps what is typed through a refusal, then prepares and submits with an Idempotency-Key', async () => {
    prepareCounterEndorsement.mockRejectedValueOnce(
      new ApiError('FORBIDDEN', `录像授权 ${ID} 已由投保人撤销，受托人不能再代为办理`, 403),
    );
    const { getByTestId, findByTestId, getByText, container } = render(<CounterForm view={view} />);
    fireEvent.click(getByTestId('policy-P2026000001'));
    fireEvent.click(getByTestId('matter-contact_change'));
    // The phone is the holder's own to change: the counter offers no field for it and says why.
    expect(container.querySelector('[data-testid="input-phone"]')).toBeNull();
    expect(container.textContent).toContain('柜面代办不能变更手机号码');
    type(getByTestId, 'address', '上海市徐汇区漕溪北路 88 号');
    fireEvent.click(getByText('准备申请'));
    expect((await findByTestId('counter-error')).textContent).toContain('已由投保人撤销');
    expect(Taro.getStorageSync(`counter-draft:${ID}`)).toMatchObject({
      address: '上海市徐汇区漕溪北路 88 号',
    });
    expect(container.textContent).toContain('中国工商银行 **** 3217');

    prepareCounterEndorsement.mockResolvedValueOnce(application);
    fireEvent.click(getByText('准备申请'));
    await findByTestId('counter-prepared');
    expect(prepareCounterEndorsement).toHaveBeenLastCalledWith(
      ID,
      'P2026000001',
      { type: 'contact_change', address: '上海市徐汇区漕溪北路 88 号' },
      { silent: true },
    );
    submitCounterEndorsement.mockResolvedValueOnce({ ...application, statusLabel: '已生效' });
    fireEvent.click(getByText('提交申请'));
    await findByTestId('counter-submitted');
    const [, applicationId, body, extras] = submitCounterEndorsement.mock.calls[0] ?? [];
    expect([applicationId, body]).toEqual(['EA20261201ABCDEF', {}]);
    expect(Object.values((extras as { headers: Record<string, string> }).headers)[0]).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    await waitFor(() => expect(Taro.getStorageSync(`counter-draft:${ID}`)).toBeFalsy());
    expect(getByText('返回授权审核')).toBeTruthy();
  });

  it('withdraws a prepared application after a confirmation, showing a refusal, back to the form as typed', async () => {
    const confirm = vi
      .spyOn(Taro, 'showModal')
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
      .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    keepPreparedDraft();
    const { getByTestId, findByTestId, queryByTestId } = render(<CounterForm view={view} />);
    // Declined: nothing is sent.
    fireEvent.click(getByTestId('counter-cancel'));
    await waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(cancelCounterEndorsement).not.toHaveBeenCalled();

    let refuse: (error: unknown) => void = () => undefined;
    cancelCounterEndorsement.mockReturnValueOnce(
      new Promise((_resolve, reject) => {
        refuse = reject;
      }),
    );
    fireEvent.click(getByTestId('counter-cancel'));
    await waitFor(() => expect(getByTestId('counter-cancel').textContent).toContain('正在撤销…'));
    refuse(new ApiError('CONFLICT', '该申请已办理完成', 409));
    expect((await findByTestId('counter-error')).textContent).toBe('该申请已办理完成');
    expect(getByTestId('counter-prepared')).toBeTruthy();

    cancelCounterEndorsement.mockResolvedValueOnce({ ...application, status: 'cancelled' });
    fireEvent.click(getByTestId('counter-cancel'));
    await findByTestId('counter-form');
    expect(cancelCounterEndorsement).toHaveBeenLastCalledWith(
      ID,
      application.applicationId,
      {},
      { silent: true },
    );
    expect(queryByTestId('counter-prepared')).toBeNull();
    const host = getByTestId('input-address');
    expect((host.querySelector('input') ?? (host as HTMLInputElement)).value).toBe(
      '上海市徐汇区漕溪北路 88 号',
    );
    expect(Taro.getStorageSync(`counter-draft:${ID}`)).toMatchObject({
      address: '上海市徐汇区漕溪北路 88 号',
      applicationId: '',
    });
  });

  it.each([
    ['withdrawn elsewhere: back to the form as typed', 'cancelled', 'counter-form'],
    ['submitted elsewhere: its result', 'document_issued', 'counter-submitted'],
    ['still open: its figures', 'signed', 'counter-prepared'],
  ])('reads a kept application again — %s', async (_case, status, screen) => {
    getEndorsement.mockResolvedValue({ ...application, status, statusLabel: status });
    keepPreparedDraft();
    const { findByTestId, getByTestId } = render(<CounterForm view={view} />);
    await findByTestId(screen);
    expect(getEndorsement).toHaveBeenCalledWith(application.applicationId, { silent: true });
    if (status === 'cancelled')
      expect(Taro.getStorageSync(`counter-draft:${ID}`)).toMatchObject({
        address: '上海市徐汇区漕溪北路 88 号',
        applicationId: '',
      });
    // Still open: the figures read again (the title names the matter and its status).
    if (status === 'signed')
      await waitFor(() =>
        expect(getByTestId('counter-prepared').textContent).toContain('联系方式变更 · signed'),
      );
  });
});
