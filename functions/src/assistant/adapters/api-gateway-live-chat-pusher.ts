import type { LiveChatPusher } from '@zhixiang/shared/ports/live-chat';
import { postToConnection } from '../../platform/aws/api-gateway-management';

/**
 * Pushes frames to WebSocket connections through the API Gateway Management API
 * (`POST {endpoint}/@connections/{connectionId}`). The endpoint is the WebSocket API's stage URL in
 * https form; the local gateway serves the same API, so the same client runs on the local stage.
 */
export class ApiGatewayLiveChatPusher implements LiveChatPusher {
  constructor(private readonly endpoint: string) {}

  push(connectionId: string, frame: unknown): Promise<'delivered' | 'gone'> {
    return postToConnection(this.endpoint, connectionId, JSON.stringify(frame));
  }
}
