import { type AwsResponse, type AwsService, headerOf, sendAwsRequest } from './aws-request';

/**
 * An AWS API on the JSON protocol (awsJson1_0 / awsJson1_1): `POST /` with
 * `X-Amz-Target: <prefix>.<Action>` and the input as JSON; errors carry `__type` and `message`.
 * DynamoDB, KMS, SSM and Secrets Manager speak it.
 */
export interface JsonApi extends AwsService {
  targetPrefix: string;
  version: '1.0' | '1.1';
}

export interface JsonCallOptions {
  signal?: AbortSignal;
  /** Another endpoint than the service's (a test's fake). */
  endpoint?: string;
  /** JSON.stringify's replacer (DynamoDB's binary attributes go as base64). */
  replacer?: (this: unknown, key: string, value: unknown) => unknown;
  /** JSON.parse's reviver. */
  reviver?: (this: unknown, key: string, value: unknown) => unknown;
}

export async function callJsonApi<T>(
  api: JsonApi,
  action: string,
  input: unknown,
  options: JsonCallOptions = {},
): Promise<T> {
  const response = await sendAwsRequest(
    api,
    {
      method: 'POST',
      path: '/',
      headers: {
        'content-type': `application/x-amz-json-${api.version}`,
        'x-amz-target': `${api.targetPrefix}.${action}`,
      },
      body: JSON.stringify(input, options.replacer),
      signal: options.signal,
      endpoint: options.endpoint,
    },
    jsonError,
  );
  return (response.body.length ? JSON.parse(response.body.toString('utf8'), options.reviver) : {}) as T;
}

/** `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"…",…}`. */
function jsonError(response: AwsResponse): {
  code: string;
  message: string;
  fields?: Record<string, unknown>;
} {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status alone names it.
  }
  const raw = String(
    body.__type ?? body.code ?? headerOf(response.headers['x-amzn-errortype']) ?? `Http${response.status}`,
  );
  const code = raw.split('#').pop()?.split(':')[0] ?? raw;
  const { __type, message, Message, ...fields } = body;
  return { code, message: String(message ?? Message ?? ''), fields };
}
