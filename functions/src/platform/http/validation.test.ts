import { CreateEndorsementRequestSchema } from '@zhixiang/shared/endorsement/application';
import { AppError } from '@zhixiang/shared/errors';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { badBodies, inputSchemas } from '../../../test/support/bad-input-bodies';
import { parseBody } from './validation';

/** What zod's own zh-CN locale says when a schema gives no message: never what a caller reads. */
const ZOD_GENERIC = /^(无效|数值过|出现未知的键)|中的键\(key\)无效|中包含无效值|期望|实际接收/;

function refusal(schema: z.ZodMiniType, body: unknown): { message: string; field?: string } | null {
  try {
    parseBody(schema, body);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: error.userMessage, field: error.field };
  }
}

describe('parseBody messages', () => {
  it('words every refusal of every request field precisely in Chinese, never zod’s generic text', () => {
    const generic: string[] = [];
    let checked = 0;
    for (const [name, schema] of inputSchemas()) {
      for (const body of badBodies(schema)) {
        const result = schema.safeParse(body);
        if (result.success) continue;
        const answer = refusal(schema, body);
        expect(answer, `${name} ${JSON.stringify(body).slice(0, 80)}`).not.toBeNull();
        checked++;
        if (ZOD_GENERIC.test(answer!.message) || /「\w+」/.test(answer!.message))
          generic.push(`${name} ${answer!.field ?? ''}: ${answer!.message}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(generic).toEqual([]);
  });

  it('names the field and what is wrong with it', () => {
    const slot = z.strictObject({ seats: z.int().check(z.minimum(0), z.maximum(200)), open: z.boolean() });
    expect(refusal(slot, { seats: 1.5, open: true })).toEqual({ message: '坐席数应为整数', field: 'seats' });
    expect(refusal(slot, { seats: 500, open: true })).toEqual({
      message: '坐席数不能大于 200',
      field: 'seats',
    });
    expect(refusal(slot, { seats: 1, open: 'yes' })).toEqual({
      message: '是否开放应为是或否（true / false）',
      field: 'open',
    });
  });
});

describe('text with invisible control or direction characters', () => {
  const contactChange = (address: string) => ({ type: 'contact_change', address });

  it.each([
    ['a right-to-left override', '\u202e'],
    ['a NUL', '\u0000'],
    ['a zero-width space', '\u200b'],
    ['a bidirectional isolate', '\u2067'],
    ['a byte order mark', '\ufeff'],
    ['an escape', '\u001b'],
    ['a lone surrogate', '\ud800'],
  ])('is refused with %s, naming the field', (_what, character) => {
    expect(
      refusal(CreateEndorsementRequestSchema, contactChange(`上海市浦东新区${character}张江路 88 号`)),
    ).toEqual({
      message: '联系地址含有不可见的控制字符或文字方向控制符，请删除后重新输入',
      field: 'address',
    });
  });

  it('refuses it in names and free text too, wherever it sits in the body', () => {
    const beneficiaries = {
      type: 'beneficiary_change',
      beneficiaries: [
        {
          name: '张\u202e丽',
          relation: '子女',
          order: 1,
          shareBasisPoints: 10000,
          idNumber: '11010519491231002X',
        },
      ],
    };
    expect(refusal(CreateEndorsementRequestSchema, beneficiaries)).toMatchObject({
      field: 'beneficiaries.0.name',
      message: expect.stringMatching(/^姓名含有不可见的控制字符/),
    });
    const note = z.strictObject({ note: z.string() });
    expect(refusal(note, { note: '已联系客户\u200b' })).toMatchObject({ field: 'note' });
  });

  it('refuses line breaks and tabs in a name or an address, which are one line on a 批单', () => {
    expect(refusal(CreateEndorsementRequestSchema, contactChange('上海市浦东新区\n张江路 88 号'))).toEqual({
      message: '联系地址应为一行文字，不能含换行或制表符',
      field: 'address',
    });
  });

  it('accepts ordinary Chinese, line breaks in free text, and emoji', () => {
    const note = z.strictObject({ note: z.string() });
    expect(refusal(note, { note: '客户已确认。\n下次回访：周三 10:00 👨‍👩‍👧' })).toBeNull();
    expect(
      refusal(CreateEndorsementRequestSchema, contactChange('上海市浦东新区张江路 88 号 3 号楼')),
    ).toBeNull();
  });
});
