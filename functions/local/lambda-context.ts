import type { Context } from 'aws-lambda';

/**
 * The context object Lambda passes a handler beside the event, for handlers run locally: by the
 * gateway in its own process, and by packaged-function-runner.mjs beside an unzipped package. That
 * runner imports this file through Node's own type stripping, so it holds erasable TypeScript only
 * and imports no package at run time.
 */
export function lambdaContext(
  fn: { functionName: string; memorySize: number },
  requestId: string,
  deadline: number,
): Context {
  const functionName = `zhixiang-kefu-local-${fn.functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${process.pid}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** An EventBridge scheduled event, as Lambda receives it from the rule `ruleName`. */
export function scheduledEvent(ruleName: string, region = 'cn-north-1') {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws-cn:events:${region}:000000000000:rule/${ruleName}`],
    detail: {},
  };
}
