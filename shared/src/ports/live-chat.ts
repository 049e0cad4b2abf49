import type { Role } from '../auth/schemas';

/** A WebSocket connection of the live chat, with the claims its access token carried at `$connect`. */
export interface LiveChatConnection {
  connectionId: string;
  userId: string;
  role: Role;
  customerId: string | null;
  branchPath: string | null;
  connectedAt: number;
}

/** Connections and their handoff subscriptions (DynamoDB, expiring with the TTL). */
export interface LiveChatConnectionStore {
  register(connection: LiveChatConnection): Promise<void>;
  get(connectionId: string): Promise<LiveChatConnection | null>;
  subscribe(connectionId: string, handoffId: string): Promise<void>;
  /** The connections subscribed to a handoff (both parties, every device). */
  subscribers(handoffId: string): Promise<string[]>;
  unsubscribe(connectionId: string, handoffId: string): Promise<void>;
  /** The connection and all its subscriptions. */
  remove(connectionId: string): Promise<void>;
}

/** Sends one frame to one connection (the API Gateway Management API); `gone` = the socket is closed. */
export interface LiveChatPusher {
  push(connectionId: string, frame: unknown): Promise<'delivered' | 'gone'>;
}
