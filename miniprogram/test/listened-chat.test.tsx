import { render } from '@testing-library/react';
import type { ListenedHandoffView } from '@zhixiang/shared/voice/listen-in';
import { describe, expect, it } from 'vitest';
import { ListenedChat } from '../src/packages/voice/handoffs/listened-chat';

const handoff: ListenedHandoffView = {
  handoffId: '6c2dc358-5563-4e0e-a24b-82e10053a9a8',
  customerLabel: '张*',
  status: 'claimed',
  statusLabel: '服务中',
  intentName: '转人工客服',
  branchName: '张江营销服务部',
  createdAt: '2026-11-25T02:00:00.000Z',
  claimedByName: '上海分公司保全 钱进',
  transcript: [{ seq: 1, text: '我要转人工' }],
  messages: [],
};
const messages = [
  {
    seq: 1,
    from: 'customer' as const,
    fromLabel: '客户',
    text: '我是张*，手机138****0001',
    at: '2026-11-25T02:01:00.000Z',
  },
  {
    seq: 2,
    from: 'staff' as const,
    fromLabel: '上海分公司保全 钱进',
    text: '张*先生您好',
    at: '2026-11-25T02:02:00.000Z',
  },
];

describe('人工客服旁听: the read-only chat', () => {
  it('shows the masked customer, the status, the chat with the assistant and each message in order', () => {
    const { container, getAllByTestId } = render(
      <ListenedChat handoff={handoff} messages={messages} live refused={null} />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('张* · 转人工客服');
    expect(text).toContain('服务中');
    expect(text).toContain('接待：上海分公司保全 钱进');
    expect(text).toContain('实时旁听中（只读，个人信息已脱敏）');
    expect(text).toContain('客户：我要转人工');
    expect(getAllByTestId('listened-message').map((m) => m.textContent)).toEqual([
      expect.stringContaining('我是张*，手机138****0001'),
      expect.stringContaining('张*先生您好'),
    ]);
  });

  it('offers nothing to type or send', () => {
    const { container } = render(<ListenedChat handoff={handoff} messages={messages} live refused={null} />);
    expect(container.querySelector('input, textarea, taro-input-core, taro-textarea-core')).toBeNull();
    expect(container.textContent).not.toMatch(/发送|回复/);
  });

  it('says when the live push is down, and why the server refused', () => {
    const down = render(<ListenedChat handoff={handoff} messages={[]} live={false} refused={null} />);
    expect(down.container.textContent).toContain('实时推送未连接，正在重试…');
    expect(down.container.textContent).toContain('暂无人工对话消息');
    down.unmount();
    const refused = render(
      <ListenedChat handoff={handoff} messages={[]} live={false} refused="未找到该人工服务对话" />,
    );
    expect(refused.container.textContent).toContain('未找到该人工服务对话');
  });
});
