import type { RouteSpec } from '@zhixiang/shared/api/route-spec';
import { routes } from '@zhixiang/shared/api/routes';
import * as assistantReport from '@zhixiang/shared/assistant/feedback-report';
import * as assistantHandoff from '@zhixiang/shared/assistant/handoff';
import * as assistantLiveChat from '@zhixiang/shared/assistant/live-chat';
import * as callback from '@zhixiang/shared/callback/schemas';
import * as documents from '@zhixiang/shared/documents/schemas';
import * as endorsements from '@zhixiang/shared/endorsement/application';
import * as identity from '@zhixiang/shared/identity/verification';
import * as ivr from '@zhixiang/shared/ivr/schemas';
import * as letters from '@zhixiang/shared/letters/schemas';
import * as policies from '@zhixiang/shared/policy/schemas';
import * as products from '@zhixiang/shared/product/catalogue';
import * as voice from '@zhixiang/shared/voice/schemas';
import type * as z from 'zod/mini';

/**
 * Every schema a request passes through (route bodies, path parameters, query strings, live-chat
 * frames), and bodies that break each of their fields in the usual ways: a wrong type, a decimal
 * for an integer, out of range, too long, empty, not one of the options. Validation tests run
 * them to check each message a caller can get.
 */
export function inputSchemas(): [string, z.ZodMiniType][] {
  const named: [string, z.ZodMiniType][] = Object.entries(routes as Record<string, RouteSpec>).flatMap(
    ([name, spec]) => (spec.request ? [[name, spec.request] as [string, z.ZodMiniType]] : []),
  );
  const modules = [
    assistantLiveChat,
    assistantReport,
    assistantHandoff,
    callback,
    documents,
    endorsements,
    identity,
    ivr,
    letters,
    policies,
    products,
    voice,
  ];
  for (const module of modules)
    for (const [name, value] of Object.entries(module))
      if (/(Path|Query|Frame)Schema$/.test(name) && !/Server/.test(name) && isSchema(value))
        named.push([name, value]);
  return named;
}

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Wrong values for a leaf of this kind (the first also stands in for "valid enough" elsewhere). */
function wrongValues(def: Def): unknown[] {
  switch (def.type) {
    case 'string':
      return [12345, '', ' ', 'x'.repeat(5000), '#$%^&'];
    case 'number':
    case 'int':
      return ['12', 1.5, -1, 0, 1e20, Number.MAX_SAFE_INTEGER * 4];
    case 'boolean':
      return ['yes', 1];
    case 'enum':
    case 'literal':
      return ['zzz', 7];
    case 'array':
      return ['x', [], Array.from({ length: 60 }, () => ({}))];
    case 'object':
      return ['x', 7];
    default:
      return ['x', 7];
  }
}

/** A value that passes a leaf of this kind when it can (so that a sibling's error is reached). */
function plausible(def: Def): unknown {
  switch (def.type) {
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    default:
      return undefined;
  }
}

/** Bodies for `schema`: for every field, copies of a minimal body with that field broken. */
export function badBodies(schema: unknown): unknown[] {
  const bodies: unknown[] = [];
  const visit = (node: unknown, wrap: (value: unknown) => unknown): void => {
    const def = defOf(node);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        visit(def.innerType, wrap);
        return;
      case 'pipe':
        visit(def.in, wrap);
        return;
      case 'object': {
        const shape = def.shape as Record<string, unknown>;
        const base: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(shape)) {
          const value = plausible(unwrap(child));
          if (value !== undefined) base[key] = value;
        }
        for (const wrong of wrongValues(def)) bodies.push(wrap(wrong));
        for (const [key, child] of Object.entries(shape))
          visit(child, (value) => wrap({ ...base, [key]: value }));
        return;
      }
      case 'union':
        for (const option of def.options as unknown[]) visit(option, wrap);
        return;
      case 'array':
        for (const wrong of wrongValues(def)) bodies.push(wrap(wrong));
        visit(def.element, (value) => wrap([value]));
        return;
      default:
        for (const wrong of wrongValues(def)) bodies.push(wrap(wrong));
    }
  };
  visit(schema, (value) => value);
  return bodies;
}

function unwrap(node: unknown): Def {
  let def = defOf(node);
  while (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'pipe'].includes(def.type))
    def = defOf(def.type === 'pipe' ? def.in : def.innerType);
  return def;
}
