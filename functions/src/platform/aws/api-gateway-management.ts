import { type AwsResponse, headerOf, sendAwsRequest } from './aws-request';

/**
 * The API Gateway Management API's `POST {stage URL}/@connections/{connectionId}` (REST, signed
 * for `execute-api`): pushes one frame to a WebSocket client. 410 means the client is gone.
 */
const EXECUTE_API = {
  signingName: 'execute-api',
  endpointId: 'APIGATEWAYMANAGEMENTAPI',
  hostPrefix: 'execute-api',
};

export async function postToConnection(
  stageUrl: string,
  connectionId: string,
  data: string,
): Promise<'delivered' | 'gone'> {
  try {
    await sendAwsRequest(
      EXECUTE_API,
      {
        method: 'POST',
        path: `/@connections/${encodeURIComponent(connectionId)}`,
        headers: { 'content-type': 'application/octet-stream' },
        body: data,
        endpoint: stageUrl,
      },
      restError,
    );
    return 'delivered';
  } catch (error) {
    if ((error as { name?: string }).name === 'GoneException') return 'gone';
    throw error;
  }
}

function restError(response: AwsResponse): { code: string; message: string } {
  const type = headerOf(response.headers['x-amzn-errortype'])?.split(':')[0];
  let message = '';
  try {
    message = String((JSON.parse(response.body.toString('utf8')) as { message?: unknown }).message ?? '');
  } catch {
    message = response.body.toString('utf8');
  }
  return { code: type ?? (response.status === 410 ? 'GoneException' : `Http${response.status}`), message };
}
