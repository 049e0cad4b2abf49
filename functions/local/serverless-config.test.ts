// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are CloudFormation/Serverless `${…}` syntax, not templates
import { describe, expect, it } from 'vitest';
import { localNameOf, parseServerlessYml } from './serverless-config';

describe('parseServerlessYml', () => {
  it('turns CloudFormation short tags into their long form', () => {
    const parsed = parseServerlessYml(
      [
        'a: !Ref Table',
        'b: !GetAtt Bucket.Arn',
        "c: !Join ['', [!GetAtt Bucket.Arn, '/*']]",
        "d: !Sub 'arn:${AWS::Partition}:s3:::x'",
        'e: !Select [0, !Split [",", "a,b"]]',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      a: { Ref: 'Table' },
      b: { 'Fn::GetAtt': 'Bucket.Arn' },
      c: { 'Fn::Join': ['', [{ 'Fn::GetAtt': 'Bucket.Arn' }, '/*']] },
      d: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::x' },
      e: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
    });
  });
});

describe('localNameOf', () => {
  it('drops the account suffix of deployed names and fills other pseudo parameters', () => {
    expect(localNameOf({ 'Fn::Sub': 'zhixiang-kefu-local-documents-${AWS::AccountId}' })).toBe(
      'zhixiang-kefu-local-documents',
    );
    expect(localNameOf('x-${aws:accountId}')).toBe('x');
    expect(localNameOf({ 'Fn::Sub': 'q-${AWS::Region}' }, 'cn-northwest-1')).toBe('q-cn-northwest-1');
    expect(localNameOf({ Ref: 'X' })).toBeUndefined();
  });
});
