import { DynamoDocumentClient } from './document-client';

/**
 * One document client per process. The endpoint comes from the environment as for the SDK
 * (AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB Local), never from a "local" branch here.
 */
let documentClient: DynamoDocumentClient | undefined;

export function getDocumentClient(): DynamoDocumentClient {
  documentClient ??= new DynamoDocumentClient();
  return documentClient;
}
