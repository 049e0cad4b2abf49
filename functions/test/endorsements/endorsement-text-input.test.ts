import { describe, expect, it } from 'vitest';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';

/**
 * Text that reaches a sealed 批单 (names, addresses) and free text: invisible control and
 * direction characters are refused with a precise 400 naming the field, and nothing is written.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');

describe('text with invisible control or direction characters', () => {
  it.each([
    ['a right-to-left override', '\u202e'],
    ['a NUL', '\u0000'],
    ['a zero-width space', '\u200b'],
  ])('refuses a contact address with %s and prepares no 批单', async (_what, character) => {
    const before = await stack.container().repositories.documents.listByHolder('C001');
    const response = await steps.create('demo-customer-c001', ZHANG_PL01, {
      type: 'contact_change',
      address: `上海市浦东新区张江路${character}88 号`,
    });
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'address',
      message: '联系地址含有不可见的控制字符或文字方向控制符，请删除后重新输入',
    });
    expect(await stack.container().repositories.documents.listByHolder('C001')).toHaveLength(before.length);
  });
});
