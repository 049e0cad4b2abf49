import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { RectificationView } from '@zhixiang/shared/voice/rectification';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/services/request';
import { choosing, puts } from './fake-upload';

const closeRectification = vi.fn();
const createRectificationEvidenceUpload = vi.fn();
vi.mock('../src/services/api', () => ({
  api: {
    closeRectification: (...args: unknown[]) => closeRectification(...args),
    createRectificationEvidenceUpload: (...args: unknown[]) => createRectificationEvidenceUpload(...args),
    addRectificationNote: vi.fn(),
  },
}));

const { Steps } = await import('../src/packages/voice/rectification/rectification-steps');
const task = { rectificationId: 'RT20261125ABC123', status: 'open' } as RectificationView;
const UPLOAD_ID = 'cccccccc-1111-4111-8111-111111111111';

describe('关闭整改 with evidence files', () => {
  beforeEach(() => {
    closeRectification.mockReset();
    createRectificationEvidenceUpload.mockReset();
    puts.length = 0;
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    createRectificationEvidenceUpload.mockResolvedValue({
      uploadId: UPLOAD_ID,
      uploadUrl: 'http://s3.local/voice/uploads/u/cccccccc',
      contentType: 'application/octet-stream',
      maxBytes: 10 * 1024 * 1024,
      expiresAt: '2026-11-25T02:15:00.000Z',
    });
  });

  async function withOneFile() {
    choosing('blob:notice-photo', 3000);
    const view = render(<Steps task={task} onChanged={() => {}} />);
    fireEvent.click(await view.findByText('添加佐证材料（0/5）'));
    await waitFor(() => expect(puts).toHaveLength(1));
    await act(async () => puts[0]!.answer(200));
    await view.findByTestId('rectification-files-item');
    act(() => {
      view.getByTestId('rectification-text').dispatchEvent(
        new CustomEvent('input', {
          detail: { value: '已上线理赔进度短信提醒，附通知截图' },
          bubbles: true,
        }),
      );
    });
    return view;
  }

  it('uploads the file for this task and closes with its upload id beside the text', async () => {
    closeRectification.mockResolvedValue({});
    const { getByText } = await withOneFile();
    expect(createRectificationEvidenceUpload).toHaveBeenCalledWith('RT20261125ABC123', { silent: true });
    fireEvent.click(getByText('关闭整改'));
    await waitFor(() =>
      expect(closeRectification).toHaveBeenCalledWith('RT20261125ABC123', {
        evidence: '已上线理赔进度短信提醒，附通知截图',
        files: [UPLOAD_ID],
      }),
    );
  });

  it('keeps the text and the files when the server refuses a file, and shows which', async () => {
    closeRectification.mockRejectedValue(
      new ApiError('VALIDATION_FAILED', '第 1 个佐证材料不是 PDF、JPG 或 PNG 格式，请重新选择', 400, 'files'),
    );
    const { getByText, getByTestId, getAllByTestId, container } = await withOneFile();
    fireEvent.click(getByText('关闭整改'));
    await waitFor(() => expect(container.textContent).toContain('第 1 个佐证材料不是 PDF、JPG 或 PNG 格式'));
    expect(getAllByTestId('rectification-files-item')).toHaveLength(1);
    expect((getByTestId('rectification-text') as HTMLTextAreaElement).value).toBe(
      '已上线理赔进度短信提醒，附通知截图',
    );
  });
});
