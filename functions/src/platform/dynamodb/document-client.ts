import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactGetCommandInput,
  TransactGetCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { callJsonApi, type JsonApi } from '../aws/json-api';

/**
 * DynamoDB's document API — the commands of `@aws-sdk/lib-dynamodb`, with the same inputs and
 * outputs (plain values in, plain values out, converted by `@aws-sdk/util-dynamodb`) — sent over
 * DynamoDB's JSON protocol by our signed transport instead of the SDK client, whose import alone
 * is several times a whole function's cold start. The input and output types are the SDK's.
 */
export const DYNAMODB: JsonApi = {
  signingName: 'dynamodb',
  endpointId: 'DYNAMODB',
  hostPrefix: 'dynamodb',
  targetPrefix: 'DynamoDB_20120810',
  version: '1.0',
};

type Operation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactGetItems'
  | 'TransactWriteItems';

abstract class DocumentCommand<Input extends object, Output> {
  abstract readonly operation: Operation;
  /** Carries the output type only. */
  declare readonly output?: Output;

  constructor(readonly input: Input) {}
}

export class GetCommand extends DocumentCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<QueryCommandInput, QueryCommandOutput> {
  readonly operation = 'Query';
}
export class ScanCommand extends DocumentCommand<ScanCommandInput, ScanCommandOutput> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends DocumentCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends DocumentCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  readonly operation = 'BatchWriteItem';
}
export class TransactGetCommand extends DocumentCommand<TransactGetCommandInput, TransactGetCommandOutput> {
  readonly operation = 'TransactGetItems';
}
export class TransactWriteCommand extends DocumentCommand<
  TransactWriteCommandInput,
  TransactWriteCommandOutput
> {
  readonly operation = 'TransactWriteItems';
}

export type {
  BatchWriteCommandInput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
type Wire = Record<string, unknown>;

/** The SDK document client's options everywhere here: undefined attributes are left out. */
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

const toWire = (item: Item | undefined) => (item ? marshall(item, MARSHALL) : undefined);
const fromWire = (item: Wire | undefined) =>
  item ? unmarshall(item as Parameters<typeof unmarshall>[0]) : undefined;

/** Marshals the attributes named in `names` of `value` (Key, Item, ExpressionAttributeValues…). */
function converted(
  value: Wire | undefined,
  names: readonly string[],
  convert: (item: Item | undefined) => unknown,
) {
  if (!value) return value;
  const out: Wire = { ...value };
  for (const name of names) if (out[name] !== undefined) out[name] = convert(out[name] as Item);
  return out;
}

const WRITE_PARTS = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;

function inputToWire(operation: Operation, input: Wire): Wire {
  const request = converted(input, WRITE_PARTS, toWire) as Wire;
  const items = input.RequestItems as Record<string, unknown> | undefined;
  if (operation === 'BatchGetItem' && items)
    request.RequestItems = mapValues(items, (table) => keysToWire(table as Wire));
  if (operation === 'BatchWriteItem' && items)
    request.RequestItems = mapValues(items, (writes) => (writes as Wire[]).map(writeRequestToWire));
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems')
    request.TransactItems = (input.TransactItems as Wire[]).map((entry) =>
      mapValues(entry, (part) => converted(part as Wire, WRITE_PARTS, toWire)),
    );
  return request;
}

function keysToWire(table: Wire): Wire {
  return { ...table, Keys: (table.Keys as Item[]).map((key) => toWire(key)) };
}

function writeRequestToWire(write: Wire): Wire {
  return mapValues(write, (request) => converted(request as Wire, ['Item', 'Key'], toWire));
}

const READ_PARTS = ['Item', 'Attributes', 'LastEvaluatedKey'] as const;

function outputFromWire(operation: Operation, output: Wire): Wire {
  const result = converted(output, READ_PARTS, fromWire as (item: Item | undefined) => unknown) as Wire;
  result.$metadata = {};
  if (output.Items) result.Items = (output.Items as Wire[]).map(fromWire);
  if (operation === 'BatchGetItem') {
    if (output.Responses)
      result.Responses = mapValues(output.Responses as Wire, (items) => (items as Wire[]).map(fromWire));
    if (output.UnprocessedKeys)
      result.UnprocessedKeys = mapValues(output.UnprocessedKeys as Wire, (table) => ({
        ...(table as Wire),
        Keys: ((table as Wire).Keys as Wire[]).map(fromWire),
      }));
  }
  if (operation === 'BatchWriteItem' && output.UnprocessedItems)
    result.UnprocessedItems = mapValues(output.UnprocessedItems as Wire, (writes) =>
      (writes as Wire[]).map((write) =>
        mapValues(write, (request) =>
          converted(request as Wire, ['Item', 'Key'], fromWire as (item: Item | undefined) => unknown),
        ),
      ),
    );
  if (operation === 'TransactGetItems' && output.Responses)
    result.Responses = (output.Responses as Wire[]).map((response) => ({
      ...response,
      Item: fromWire(response.Item as Wire),
    }));
  return result;
}

function mapValues(
  object: Record<string, unknown>,
  map: (value: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in object) out[key] = map(object[key]);
  return out;
}

/** Binary attribute values travel as base64 in DynamoDB's JSON and are Uint8Array in memory. */
function sendBinaryAsBase64(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  return original instanceof Uint8Array
    ? Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString('base64')
    : value;
}

function readBinaryFromBase64(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (key === 'BS' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((v) => new Uint8Array(Buffer.from(v as string, 'base64')));
  return value;
}

/**
 * One action as sent: DynamoDB's action name, its input (a document command's plain values) and
 * that input as DynamoDB receives it.
 */
export type SentAction = { action: string; input: object; wire: object };
/** Called as an action is sent; what it returns is called once the action is answered. */
export type ActionObserver = (sent: SentAction) => undefined | (() => void);

export class DynamoDocumentClient {
  private readonly observers = new Set<ActionObserver>();

  /** Tests and benchmarks: sees every action sent until the returned function is called. */
  observe(observer: ActionObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** A document command, as `@aws-sdk/lib-dynamodb`'s client sends it. */
  async send<Input extends object, Output>(
    command: DocumentCommand<Input, Output>,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<Output> {
    const wire = inputToWire(command.operation, command.input as Wire);
    const output = await this.post<Wire>(command.operation, command.input, wire, options.abortSignal);
    return outputFromWire(command.operation, output) as Output;
  }

  /** A DynamoDB action with attribute values as DynamoDB writes them (no conversion either way). */
  call<Output>(action: string, input: object, signal?: AbortSignal): Promise<Output> {
    return this.post(action, input, input, signal);
  }

  private async post<Output>(
    action: string,
    input: object,
    wire: object,
    signal?: AbortSignal,
  ): Promise<Output> {
    const answered: (() => void)[] = [];
    for (const observer of this.observers) {
      const done = observer({ action, input, wire });
      if (done) answered.push(done);
    }
    try {
      return await callJsonApi<Output>(DYNAMODB, action, wire, {
        signal,
        replacer: sendBinaryAsBase64,
        reviver: readBinaryFromBase64,
      });
    } finally {
      for (const done of answered) done();
    }
  }
}
