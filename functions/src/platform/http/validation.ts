import { AppError } from '@zhixiang/shared/errors';
import * as z from 'zod/mini';
// The one locale by path: `z.locales` would bundle all of zod's ~50 languages into every handler.
import zhCN from 'zod/v4/locales/zh-CN.js';

// Chinese messages for every built-in check, once per process (schemas with their own messages keep them).
z.config(zhCN());

/**
 * Parses a request body with its shared schema. The first problem becomes a 400 that names the
 * field, in words a customer can act on.
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new AppError('VALIDATION_FAILED');
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0]].join('.');
    throw new AppError('VALIDATION_FAILED', `不支持的字段：${issue.keys.join('、')}`, { field });
  }
  const field = issue.path.map(String).join('.') || undefined;
  if (issue.code === 'invalid_type' && field && valueAt(body, issue.path) === undefined) {
    throw new AppError('VALIDATION_FAILED', `缺少必填项：${field}`, { field });
  }
  if (issue.code === 'invalid_type' && !field) {
    throw new AppError('VALIDATION_FAILED', '请求内容应为 JSON 对象');
  }
  throw new AppError('VALIDATION_FAILED', issue.message, field ? { field } : {});
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
