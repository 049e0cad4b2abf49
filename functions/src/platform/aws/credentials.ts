import type { Credentials } from './signature-v4';

/**
 * The credentials a request is signed with. Lambda puts the function role's credentials in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); so do the local stack
 * and the tests. Only an administrator's machine (the admin CLI against a deployed stage, with a
 * profile or SSO) lacks them: there the SDK's own provider chain is loaded, on first use.
 */
let fromChain: { credentials: Credentials; expiresAt: number } | undefined;

export async function resolveCredentials(now = Date.now()): Promise<Credentials> {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY)
    return {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS_SESSION_TOKEN,
    };
  if (fromChain && fromChain.expiresAt - 60_000 > now) return fromChain.credentials;
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  const resolved = await defaultProvider()();
  fromChain = {
    credentials: {
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      sessionToken: resolved.sessionToken,
    },
    expiresAt: resolved.expiration?.getTime() ?? Number.POSITIVE_INFINITY,
  };
  return fromChain.credentials;
}

export function resolveRegion(): string {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('AWS_REGION is not set');
  return region;
}
