import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AppError } from '@zhixiang/shared/errors';
import type { Context } from 'aws-lambda';

/** How long a submission's result is replayed for the same key (then the key may be reused). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A duplicate arriving while the first is still running waits this long for its result. */
const IN_PROGRESS_WAIT_MS = 8_000;
const IN_PROGRESS_POLL_MS = 100;

/**
 * Runs an operation at most once per key (Powertools idempotency, DynamoDB persistence on the one
 * table: `pk` = `IDEMPOTENCY#<scope>`, `sk` = the payload hash, TTL `expiresAt`). A repeat with
 * the same key returns the first result without running the operation again; a repeat that
 * arrives while the first still runs waits for it. A failed run leaves no record, so the client
 * may retry with the same key.
 */
export class SubmissionIdempotency {
  private readonly persistence: BasePersistenceLayer;

  constructor(options: { client: DynamoDBClient; tableName: string; scope: string }) {
    this.persistence = new DynamoDBPersistenceLayer({
      tableName: options.tableName,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: `IDEMPOTENCY#${options.scope}`,
      expiryAttr: 'expiresAt',
      awsSdkV3Client: options.client,
    });
  }

  /**
   * `lambdaContext` bounds the in-progress lock by the invocation's remaining time, so a run cut
   * short by a timeout does not block its key until the record expires.
   */
  async run<T>(
    payload: Record<string, string>,
    operation: () => Promise<T>,
    lambdaContext?: Context,
  ): Promise<T> {
    const config = new IdempotencyConfig({ expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS });
    if (typeof lambdaContext?.getRemainingTimeInMillis === 'function')
      config.registerLambdaContext(lambdaContext);
    const idempotent = makeIdempotent(async (_payload: Record<string, string>) => operation(), {
      persistenceStore: this.persistence,
      config,
    });
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (;;) {
      try {
        return (await idempotent(payload)) as T;
      } catch (error) {
        if (!(error instanceof IdempotencyAlreadyInProgressError)) throw error;
        if (Date.now() > deadline)
          throw new AppError('CONFLICT', '该请求正在处理中，请稍后刷新查看结果', { cause: error });
        await new Promise((resolve) => setTimeout(resolve, IN_PROGRESS_POLL_MS));
      }
    }
  }
}
