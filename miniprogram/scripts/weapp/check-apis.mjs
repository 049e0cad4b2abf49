// The static scan of the weapp build: every .js file of dist/weapp parsed (Babel, with scope
// analysis), and every use of an API that WeChat's JS engine lacks or only partly has — the list
// and the reason for each is forbidden-apis.mjs — reported with its place. A name bound in the
// file (Taro's own `document` and `window`, a minifier's local `URL`) is not the global and passes;
// `typeof X` passes, being how code asks whether X exists, and so does a member used only behind a
// test of itself (`if (Object.hasOwn) return Object.hasOwn(…)`: the code has its own fallback).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync, traverse } from '@babel/core';
import { listFiles, weappRoot } from './files.mjs';
import { FORBIDDEN_APIS, UNREACHED_IN_DEPENDENCIES } from './forbidden-apis.mjs';

const root = weappRoot(process.argv[2]);
if (!existsSync(join(root, 'app.js'))) {
  console.error(`no app.js under ${root}: build the weapp first (npm run build:weapp)`);
  process.exit(1);
}

const globals = new Map(FORBIDDEN_APIS.filter((e) => e.global).map((e) => [e.global, e]));
const members = new Map(FORBIDDEN_APIS.filter((e) => e.member).map((e) => [e.member, e]));
const methods = new Map(FORBIDDEN_APIS.filter((e) => e.method).map((e) => [e.method, e]));

const unreached = new Set(
  UNREACHED_IN_DEPENDENCIES.flatMap((e) => e.names.map((name) => `${e.file} ${name}`)),
);

/** Whether a test expression asks `typeof name`. */
const asksTypeof = (name) => (node) => {
  let found = false;
  traverse.cheap(node, (n) => {
    if (n.type === 'UnaryExpression' && n.operator === 'typeof' && n.argument.type === 'Identifier')
      found ||= n.argument.name === name;
  });
  return found;
};

/** Whether a test expression reads the member `Object.name` itself (asking whether it exists). */
const readsMember = (name) => (node) => {
  let found = false;
  traverse.cheap(node, (n) => {
    if (
      (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') &&
      n.object.type === 'Identifier'
    )
      found ||= `${n.object.name}.${propertyName(n)}` === name;
  });
  return found;
};

/** Whether the path sits where a `typeof name` test has been passed: `typeof X … && X`, `if (typeof X …) X`. */
function checkedByTypeof(path, name) {
  return guardedBy(path, asksTypeof(name));
}

/**
 * Whether a member such as `Object.hasOwn` is only used once its existence was tested
 * (`if (Object.hasOwn) return Object.hasOwn(…)`, `Object.hasOwn && Object.hasOwn(…)`), or is that
 * test itself: code with its own fallback for an engine without it.
 */
function checkedByExistence(path, name) {
  const parent = path.parentPath;
  if (
    ((parent.isIfStatement() || parent.isConditionalExpression()) && path.key === 'test') ||
    (parent.isLogicalExpression() && path.key === 'left') ||
    parent.isUnaryExpression({ operator: '!' }) ||
    parent.isUnaryExpression({ operator: 'typeof' })
  )
    return true;
  return guardedBy(path, readsMember(name));
}

function guardedBy(path, tests) {
  for (let child = path, parent = path.parentPath; parent; child = parent, parent = parent.parentPath) {
    const node = parent.node;
    if (
      node.type === 'LogicalExpression' &&
      node.operator === '&&' &&
      child.key === 'right' &&
      tests(node.left)
    )
      return true;
    if (
      (node.type === 'ConditionalExpression' || node.type === 'IfStatement') &&
      child.key === 'consequent' &&
      tests(node.test)
    )
      return true;
    if (parent.isFunction()) return false;
  }
  return false;
}

const propertyName = (member) =>
  !member.computed && member.property.type === 'Identifier'
    ? member.property.name
    : member.property.type === 'StringLiteral'
      ? member.property.value
      : null;

function scan(file) {
  const code = readFileSync(join(root, file), 'utf8');
  const ast = parseSync(code, { sourceType: 'script', configFile: false, babelrc: false, filename: file });
  const hits = [];
  const hit = (node, name, entry) => {
    const { line, column } = node.loc.start;
    const excerpt = code.slice(Math.max(0, node.start - 30), node.end + 30).replace(/\s+/g, ' ');
    hits.push({ file, line, column: column + 1, name, reason: entry.reason, excerpt });
  };
  traverse(ast, {
    ReferencedIdentifier(path) {
      const entry = globals.get(path.node.name);
      if (!entry || path.scope.getBinding(path.node.name)) return;
      if (path.parentPath.isUnaryExpression({ operator: 'typeof' })) return;
      if (checkedByTypeof(path, path.node.name) || unreached.has(`${file} ${path.node.name}`)) return;
      hit(path.node, path.node.name, entry);
    },
    'MemberExpression|OptionalMemberExpression'(path) {
      const { object } = path.node;
      if (object.type !== 'Identifier' || path.scope.getBinding(object.name)) return;
      const name = `${object.name}.${propertyName(path.node)}`;
      const entry = members.get(name);
      if (entry && !checkedByExistence(path, name)) hit(path.node, name, entry);
    },
    'CallExpression|OptionalCallExpression'(path) {
      const callee = path.node.callee;
      if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
      const name = propertyName(callee);
      const entry = name ? methods.get(name) : undefined;
      if (!entry || path.node.arguments.length < (entry.minArguments ?? 0)) return;
      hit(callee.property, `.${name}()`, entry);
    },
  });
  return hits;
}

const started = performance.now();
const files = listFiles(root, '.js');
const hits = files.flatMap(scan);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const h of hits)
  console.error(`✗ ${h.file}:${h.line}:${h.column} ${h.name} — ${h.reason}\n    …${h.excerpt}…`);
if (hits.length > 0) {
  console.error(
    `${hits.length} use(s) of APIs WeChat lacks in ${files.length} .js files of ${root} (${seconds} s)`,
  );
  process.exit(1);
}
console.log(
  `✓ ${files.length} .js files scanned for ${FORBIDDEN_APIS.length} APIs WeChat lacks or only partly has: none used (${seconds} s)`,
);
