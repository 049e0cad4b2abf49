import { describe, expect, it } from 'vitest';
import { checkContactChange } from '../../src/endorsement/contact-change';

const current = { phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', email: null };

describe('checkContactChange', () => {
  it('lists what changes with before and after, and asks for the new phone to be confirmed', () => {
    const result = checkContactChange(current, { phone: '139-0013-9000', email: ' Zhang@Example.com ' });
    expect(result).toEqual({
      ok: true,
      value: {
        changes: [
          { field: 'phone', before: '13800138000', after: '13900139000' },
          { field: 'email', before: null, after: 'zhang@example.com' },
        ],
        after: { phone: '13900139000', address: current.address, email: 'zhang@example.com' },
        newPhoneNeedsConfirmation: true,
      },
    });
  });

  it('changes the address alone without a phone confirmation', () => {
    const result = checkContactChange(current, { address: '  北京市  朝阳区建国路 88 号 ' });
    expect(result.ok && result.value).toMatchObject({
      changes: [{ field: 'address', after: '北京市 朝阳区建国路 88 号' }],
      newPhoneNeedsConfirmation: false,
    });
  });

  it('asks for something to change when the form is empty, and says when it equals what is on file', () => {
    expect(checkContactChange(current, {})).toEqual({
      ok: false,
      problems: [{ field: 'request', message: '请至少填写新的手机号码、联系地址或电子邮箱中的一项' }],
    });
    expect(checkContactChange(current, { phone: '  ', address: '' })).toMatchObject({ ok: false });
    expect(checkContactChange(current, { address: current.address })).toEqual({
      ok: false,
      problems: [{ field: 'request', message: '新的联系方式与原来相同，无需变更' }],
    });
  });

  it('reports every wrong field at once, each with a precise message', () => {
    const result = checkContactChange(current, { phone: '1380013800', address: '上海', email: 'a@b' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'phone', message: '手机号码应为 11 位数字，当前为 10 位' },
        { field: 'address', message: '联系地址过短，请填写到街道门牌号（至少 5 个字）' },
        { field: 'email', message: '电子邮箱格式不正确，例如 zhangsan@example.com' },
      ],
    });
  });

  it('refuses a number that is not a mainland mobile and an address over 120 characters', () => {
    const result = checkContactChange(current, { phone: '12800138000', address: '路'.repeat(121) });
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      '请输入以 13–19 开头的中国大陆手机号码',
      '联系地址不能超过 120 个字，当前 121 个字',
    ]);
  });

  it('refuses a request that changes nothing', () => {
    expect(checkContactChange(current, { phone: '13800138000' })).toEqual({
      ok: false,
      problems: [{ field: 'request', message: '新的联系方式与原来相同，无需变更' }],
    });
  });

  it('removes the email when it is cleared', () => {
    const result = checkContactChange({ ...current, email: 'old@example.com' }, { email: '' });
    expect(result.ok && result.value.changes).toEqual([
      { field: 'email', before: 'old@example.com', after: null },
    ]);
  });
});
