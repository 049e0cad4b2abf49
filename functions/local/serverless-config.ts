import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, YAMLMap } from 'yaml';
import { serverlessYmlPath } from './local-paths';

/**
 * Reads serverless.yml the way the local stage needs it: CloudFormation short-form intrinsics
 * (`!Ref`, `!GetAtt`, `!Sub`, `!Join`, …) become their long `{ "Fn::X": … }` objects, and the
 * Serverless variables that matter locally (`${sls:stage}`, `${opt:…, 'default'}`, `${param:…}`,
 * `${self:…}`) are resolved for the given stage. `${file(./path)}` includes another YAML file, and
 * `functions` / `resources` given as a list of such files are merged, as the framework does (each
 * bounded context declares its functions in functions/src/<context>/functions.yml). Anything else is
 * left as written.
 */

const INTRINSICS: [string, string][] = [
  ['Ref', 'Ref'],
  ['GetAtt', 'Fn::GetAtt'],
  ['Sub', 'Fn::Sub'],
  ['Join', 'Fn::Join'],
  ['Select', 'Fn::Select'],
  ['Split', 'Fn::Split'],
  ['If', 'Fn::If'],
  ['Equals', 'Fn::Equals'],
  ['Not', 'Fn::Not'],
  ['And', 'Fn::And'],
  ['Or', 'Fn::Or'],
  ['FindInMap', 'Fn::FindInMap'],
  ['GetAZs', 'Fn::GetAZs'],
  ['ImportValue', 'Fn::ImportValue'],
  ['Base64', 'Fn::Base64'],
  ['Cidr', 'Fn::Cidr'],
  ['Condition', 'Condition'],
];

const cloudFormationTags = INTRINSICS.flatMap(([short, long]) =>
  ([undefined, 'seq', 'map'] as const).map((collection) => ({
    tag: `!${short}`,
    ...(collection ? { collection } : {}),
    resolve: (value: unknown) => {
      const intrinsic = new YAMLMap();
      intrinsic.set(long, value);
      return intrinsic;
    },
  })),
);

export type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

export interface HttpApiEventSpec {
  method: string;
  path: string;
}

export interface FunctionSpec {
  handler: string;
  events?: {
    httpApi?: HttpApiEventSpec | string | '*';
    websocket?: { route: string } | string;
    schedule?: string | { rate: string | string[] };
  }[];
  environment?: Record<string, Yaml>;
  timeout?: number;
  memorySize?: number;
}

export interface ServerlessConfig {
  service: string;
  provider: {
    environment?: Record<string, Yaml>;
    timeout?: number;
    memorySize?: number;
    region?: string;
    httpApi?: { cors?: boolean | CorsSpec };
  };
  functions?: Record<string, FunctionSpec>;
  resources?: { Resources?: Record<string, { Type: string; Properties?: Record<string, Yaml> }> };
  params?: Record<string, Record<string, Yaml>>;
  custom?: Record<string, Yaml>;
}

export interface CorsSpec {
  allowedOrigins?: string[];
  allowedHeaders?: string[];
  allowedMethods?: string[];
  exposedResponseHeaders?: string[];
  allowCredentials?: boolean;
  maxAge?: number;
}

export function parseServerlessYml(text: string): Yaml {
  // The intrinsic maps come back as YAMLMap nodes; a JSON round trip makes everything plain data.
  return JSON.parse(
    JSON.stringify(parse(text, { customTags: cloudFormationTags, maxAliasCount: -1 })),
  ) as Yaml;
}

function lookupPath(root: Yaml, path: string): Yaml | undefined {
  let current: Yaml | undefined = root;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[part];
  }
  return current;
}

interface VariableContext {
  stage: string;
  region: string;
  root: Yaml;
}

function resolveSource(expression: string, context: VariableContext): Yaml | undefined {
  const trimmed = expression.trim();
  const literal = /^(['"])(.*)\1$/.exec(trimmed);
  if (literal) return literal[2];
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const [source, ...rest] = trimmed.split(':');
  const address = rest.join(':');
  switch (source) {
    case 'sls':
      return address === 'stage' ? context.stage : undefined;
    case 'opt':
      if (address === 'stage') return context.stage;
      if (address === 'region') return context.region;
      return undefined;
    case 'aws':
      return address === 'region' ? context.region : undefined;
    case 'self':
      return lookupPath(context.root, address);
    case 'param': {
      const params = lookupPath(context.root, 'params');
      const forStage = lookupPath(params ?? null, `${context.stage}.${address}`);
      return forStage !== undefined ? forStage : lookupPath(params ?? null, `default.${address}`);
    }
    default:
      return undefined;
  }
}

/** Splits `a, 'b, c'` on top-level commas (the Serverless fallback syntax). */
function splitFallbacks(expression: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of expression) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

function resolveExpression(expression: string, context: VariableContext): Yaml | undefined {
  for (const candidate of splitFallbacks(expression)) {
    const value = resolveSource(candidate, context);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

const VARIABLE = /\$\{([^{}]+)\}/g;

function resolveString(text: string, context: VariableContext): Yaml {
  const whole = /^\$\{([^{}]+)\}$/.exec(text);
  if (whole) {
    // A lone variable keeps its type (booleans and numbers from params stay booleans and numbers).
    const value = resolveExpression(whole[1]!, context);
    if (value !== undefined) return resolveVariables(value, context);
    return text;
  }
  return text.replace(VARIABLE, (match, expression: string) => {
    // CloudFormation pseudo parameters (`${AWS::Region}`) belong to Fn::Sub, not to Serverless.
    if (expression.startsWith('AWS::')) return match;
    const value = resolveExpression(expression, context);
    return value === undefined || value === null || typeof value === 'object' ? match : String(value);
  });
}

function resolveVariables(value: Yaml, context: VariableContext): Yaml {
  if (typeof value === 'string') return resolveString(value, context);
  if (Array.isArray(value)) return value.map((item) => resolveVariables(item, context));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveVariables(item, context)]),
    );
  }
  return value;
}

export interface LoadOptions {
  ymlPath?: string;
  stage?: string;
  region?: string;
}

const FILE_INCLUDE = /^\$\{file\((.+)\)\}$/;

/** Replaces every `${file(./path)}` value with the parsed file, paths relative to the including file. */
function includeFiles(value: Yaml, baseDir: string): Yaml {
  if (typeof value === 'string') {
    const include = FILE_INCLUDE.exec(value.trim());
    if (!include) return value;
    const path = resolve(baseDir, include[1]!.trim().replace(/^['"]|['"]$/g, ''));
    return includeFiles(parseServerlessYml(readFileSync(path, 'utf8')), dirname(path));
  }
  if (Array.isArray(value)) return value.map((item) => includeFiles(item, baseDir));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, includeFiles(item, baseDir)]));
  return value;
}

/** `functions: [a, b]` and `resources: [a, b]` become one object each; a name declared twice is an error. */
function mergeLists(root: Yaml): Yaml {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return root;
  const merged = { ...root };
  for (const key of ['functions', 'resources']) {
    const list = merged[key];
    if (!Array.isArray(list)) continue;
    const into: Record<string, Yaml> = {};
    for (const part of list) {
      if (!part || typeof part !== 'object' || Array.isArray(part)) continue;
      for (const [name, item] of Object.entries(part)) {
        if (key === 'functions' && name in into) throw new Error(`function ${name} is declared twice`);
        into[name] = item;
      }
    }
    merged[key] = into;
  }
  return merged;
}

export function loadServerlessConfig(options: LoadOptions = {}): ServerlessConfig {
  const ymlPath = options.ymlPath ?? serverlessYmlPath;
  const root = mergeLists(includeFiles(parseServerlessYml(readFileSync(ymlPath, 'utf8')), dirname(ymlPath)));
  const context: VariableContext = {
    stage: options.stage ?? 'local',
    region: options.region ?? 'cn-north-1',
    root,
  };
  return resolveVariables(root, context) as unknown as ServerlessConfig;
}

/**
 * Turns a resolved name into its local-stage form. Deployed bucket names carry the account id
 * because S3 names are global; the local stage has one account, so that suffix is dropped
 * (`zhixiang-kefu-local-documents`). Other pseudo parameters get harmless local values.
 */
export function localNameOf(value: Yaml, region = 'cn-north-1'): string | undefined {
  let text: Yaml | undefined = value;
  if (text && typeof text === 'object' && !Array.isArray(text) && 'Fn::Sub' in text) {
    const sub = text['Fn::Sub'];
    text = typeof sub === 'string' ? sub : undefined;
  }
  if (typeof text !== 'string') return undefined;
  return text
    .replace(/-?\$\{(AWS::AccountId|aws:accountId)\}/g, '')
    .replace(/\$\{AWS::Region\}/g, region)
    .replace(/\$\{AWS::Partition\}/g, 'aws')
    .replace(/\$\{AWS::StackName\}/g, 'local');
}
