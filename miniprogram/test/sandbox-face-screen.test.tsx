import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SandboxFaceScreen } from '../src/packages/identity/sandbox-face-screen';

describe('「模拟人脸核身」 sandbox screen', () => {
  it('is clearly labelled as the local stand-in and offers every outcome WeChat can report', () => {
    const { container } = render(<SandboxFaceScreen busy={false} onAnswer={() => {}} />);
    const text = container.textContent ?? '';
    expect(text).toContain('模拟人脸核身');
    expect(text).toContain('本地测试环境');
    for (const label of [
      '核身成功（本人）',
      '人脸比对未通过',
      '身份证号与姓名不匹配',
      '用户中途取消',
      '未授权使用摄像头',
    ])
      expect(text).toContain(label);
  });

  it('answers with the outcome the tester picks', () => {
    const onAnswer = vi.fn();
    const { getByText } = render(<SandboxFaceScreen busy={false} onAnswer={onAnswer} />);
    fireEvent.click(getByText('人脸比对未通过'));
    expect(onAnswer).toHaveBeenCalledWith('face_mismatch');
  });
});
