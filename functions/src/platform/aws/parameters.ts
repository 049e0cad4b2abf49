import { callJsonApi, type JsonApi } from './json-api';

/**
 * SSM Parameter Store and Secrets Manager reads, each value cached for `maxAge` seconds (a rotated
 * secret is picked up without a redeploy; a warm function makes no call per request), and one
 * read shared by concurrent callers. Written here rather than taken from Powertools' parameters
 * utility because its providers import the SDK's SSM and Secrets Manager clients at load, which
 * every function would pay in its cold start.
 */
const SSM: JsonApi = {
  signingName: 'ssm',
  endpointId: 'SSM',
  hostPrefix: 'ssm',
  targetPrefix: 'AmazonSSM',
  version: '1.1',
};

const SECRETS_MANAGER: JsonApi = {
  signingName: 'secretsmanager',
  endpointId: 'SECRETS_MANAGER',
  hostPrefix: 'secretsmanager',
  targetPrefix: 'secretsmanager',
  version: '1.1',
};

const cache = new Map<string, { value: Promise<string>; expiresAt: number }>();

function cached(key: string, maxAgeSeconds: number, read: () => Promise<string>): Promise<string> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = read();
  cache.set(key, { value, expiresAt: now + maxAgeSeconds * 1000 });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}

/** A parameter's value (SecureString decrypted). */
export function getParameter(name: string, options: { maxAge: number }): Promise<string> {
  return cached(`ssm:${name}`, options.maxAge, async () => {
    const out = await callJsonApi<{ Parameter?: { Value?: string } }>(SSM, 'GetParameter', {
      Name: name,
      WithDecryption: true,
    });
    const value = out.Parameter?.Value;
    if (!value) throw new Error(`SSM parameter ${name} is empty`);
    return value;
  });
}

/** A secret's string value, parsed as JSON. */
export async function getJsonSecret(secretId: string, options: { maxAge: number }): Promise<unknown> {
  const text = await cached(`secret:${secretId}`, options.maxAge, async () => {
    const out = await callJsonApi<{ SecretString?: string }>(SECRETS_MANAGER, 'GetSecretValue', {
      SecretId: secretId,
    });
    if (!out.SecretString) throw new Error(`secret ${secretId} holds no string`);
    return out.SecretString;
  });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`secret ${secretId} is not JSON`);
  }
}

/** Tests: forget every cached value. */
export function clearParameterCache(): void {
  cache.clear();
}
