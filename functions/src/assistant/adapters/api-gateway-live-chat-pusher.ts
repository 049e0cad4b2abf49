import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { LiveChatPusher } from '@zhixiang/shared/ports/live-chat';

/**
 * Pushes frames to WebSocket connections through the API Gateway Management API
 * (`POST {endpoint}/@connections/{connectionId}`). The endpoint is the WebSocket API's stage URL in
 * https form; the local gateway serves the same API, so the same client runs on the local stage.
 */
export class ApiGatewayLiveChatPusher implements LiveChatPusher {
  private readonly client: ApiGatewayManagementApiClient;

  constructor(endpoint: string, client?: ApiGatewayManagementApiClient) {
    this.client = client ?? new ApiGatewayManagementApiClient({ endpoint });
  }

  async push(connectionId: string, frame: unknown): Promise<'delivered' | 'gone'> {
    try {
      await this.client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: new TextEncoder().encode(JSON.stringify(frame)),
        }),
      );
      return 'delivered';
    } catch (error) {
      if (error instanceof GoneException || (error as { name?: string }).name === 'GoneException')
        return 'gone';
      throw error;
    }
  }
}
