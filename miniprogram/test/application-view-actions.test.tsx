import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const getEndorsement = vi.fn();
const submitEndorsement = vi.fn();
const cancelEndorsement = vi.fn();
const submitCounterEndorsement = vi.fn();
const cancelCounterEndorsement = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    getEndorsement: (...args: unknown[]) => getEndorsement(...args),
    submitEndorsement: (...args: unknown[]) => submitEndorsement(...args),
    cancelEndorsement: (...args: unknown[]) => cancelEndorsement(...args),
    submitCounterEndorsement: (...args: unknown[]) => submitCounterEndorsement(...args),
    cancelCounterEndorsement: (...args: unknown[]) => cancelCounterEndorsement(...args),
    readAllMyMessages: () => Promise.resolve({}),
  },
}));
// The page lifecycle of the mini program is not part of this test.
vi.mock('../src/hooks/use-page-data', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/hooks/use-page-data')>()),
  useReloadOnShow: () => undefined,
}));
let role = 'staff';
vi.mock('../src/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/session')>()),
  getSession: () => ({ me: { role } }),
}));
// The page frame (sign-in gate, pull-to-refresh) is not part of this test: the loaded application.
vi.mock('../src/components/page-container', () => ({
  PageContainer: ({
    data,
    children,
  }: {
    data: { state: { status: string; data?: unknown } };
    children: (data: unknown) => unknown;
  }) => (data.state.status === 'ready' ? children(data.state.data) : null),
}));

const { ApplicationView } = await import('../src/packages/endorsements/application/application-view');

// Files share one module graph (isolate: false): the page's modules, loaded here against these
// mocks, are dropped so the next file loads them against its own.
afterAll(() => {
  for (const path of [
    '../src/services/api',
    '../src/lib/session',
    '../src/hooks/use-page-data',
    '../src/components/page-container',
  ])
    vi.doUnmock(path);
  vi.resetModules();
});

const AUTHORISATION = 'SQ20261201C0000002';
const ID = 'EA20261206ABCDEF';
const application = (fields: Partial<EndorsementApplication> = {}) =>
  ({
    applicationId: ID,
    type: 'contact_change',
    typeLabel: '联系方式变更',
    status: 'signed',
    statusLabel: '已签署',
    productName: '示例鸿祥两全保险（分红型）',
    policyNo: 'P2026000001',
    holder: { customerId: 'C001', name: '张伟' },
    preparedBy: { role: 'staff', name: '上海分公司保全 钱进' },
    counter: { authorisationId: AUTHORISATION, name: '上海分公司保全 钱进' },
    trustee: null,
    changes: [],
    figureRows: [],
    figures: {},
    reviewReasons: [],
    decision: null,
    nextStep: 'submit',
    nextStepLabel: '确认提交',
    phoneConfirmation: null,
    requiresIdempotencyKey: false,
    payment: null,
    payout: null,
    documentId: 'DOC1',
    timeline: [],
    actions: {
      canSubmit: true,
      canCancel: true,
      canDecide: false,
      canPay: false,
      canDebit: false,
      canChangePayoutAccount: false,
    },
    ...fields,
  }) as unknown as EndorsementApplication;

describe('the application page: only the actions the viewer may take, through routes that accept them', () => {
  beforeEach(() => {
    for (const mock of [
      getEndorsement,
      submitEndorsement,
      cancelEndorsement,
      submitCounterEndorsement,
      cancelCounterEndorsement,
    ])
      mock.mockReset();
    vi.restoreAllMocks();
    vi.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  });

  it("staff act on a counter application through the counter's routes, never the holder's", async () => {
    role = 'staff';
    getEndorsement.mockResolvedValue(application());
    cancelCounterEndorsement.mockResolvedValue(application({ status: 'cancelled' }));
    submitCounterEndorsement.mockResolvedValue(application({ status: 'document_issued' }));
    const { findByTestId, getByTestId, queryByTestId } = render(<ApplicationView applicationId={ID} />);
    fireEvent.click(await findByTestId('submit-application'));
    await waitFor(() => expect(submitCounterEndorsement).toHaveBeenCalledTimes(1));
    expect(submitCounterEndorsement.mock.calls[0]?.slice(0, 3)).toEqual([AUTHORISATION, ID, {}]);
    await waitFor(() => expect(getByTestId('cancel-application')).toBeTruthy());
    fireEvent.click(getByTestId('cancel-application'));
    await waitFor(() => expect(cancelCounterEndorsement).toHaveBeenCalledWith(AUTHORISATION, ID, {}));
    expect(submitEndorsement).not.toHaveBeenCalled();
    expect(cancelEndorsement).not.toHaveBeenCalled();
    expect(queryByTestId('send-phone-code')).toBeNull();
  });

  it('staff see no submit, cancel or phone-code button on an application that is not theirs to act on', async () => {
    role = 'staff';
    getEndorsement.mockResolvedValue(
      application({
        counter: undefined,
        preparedBy: { role: 'customer', name: '张伟' } as EndorsementApplication['preparedBy'],
        nextStep: 'confirm_phone',
        phoneConfirmation: { confirmed: false, phoneMasked: '138****0000' } as never,
        actions: { ...application().actions, canSubmit: false, canCancel: false },
      }),
    );
    const { findByTestId, queryByTestId } = render(<ApplicationView applicationId={ID} />);
    await findByTestId('endorsement-application');
    expect(queryByTestId('submit-application')).toBeNull();
    expect(queryByTestId('cancel-application')).toBeNull();
    expect(queryByTestId('send-phone-code')).toBeNull();
  });

  it("the holder keeps the holder's routes", async () => {
    role = 'customer';
    getEndorsement.mockResolvedValue(application({ counter: undefined }));
    cancelEndorsement.mockResolvedValue(application({ status: 'cancelled' }));
    const { findByTestId } = render(<ApplicationView applicationId={ID} />);
    fireEvent.click(await findByTestId('cancel-application'));
    await waitFor(() => expect(cancelEndorsement).toHaveBeenCalledWith(ID, {}));
    expect(cancelCounterEndorsement).not.toHaveBeenCalled();
  });
});
