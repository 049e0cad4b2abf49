import type { RouteSpec } from '../api/route-spec';
import { ListenedHandoffsResponseSchema, ListenedHandoffViewSchema } from './listen-in';
import {
  CloseRectificationRequestSchema,
  OpenRectificationRequestSchema,
  RectificationNoteRequestSchema,
  RectificationsResponseSchema,
  RectificationViewSchema,
} from './rectification';
import {
  EscalateVoiceClusterRequestSchema,
  EscalateVoiceItemRequestSchema,
  SubmitRantRequestSchema,
  SubmitRantResponseSchema,
  VoiceClustersResponseSchema,
  VoiceItemsResponseSchema,
  VoiceItemViewSchema,
  VoiceListeningLogSchema,
} from './schemas';

/**
 * The customer-voice stream (客户之声): a customer's 「我要吐槽」; staff read their subtree's items
 * and the week's theme clusters, and a 中支 or 分公司 reports an item or a cluster one level up
 * (逐级上报) and opens a rectification task (整改) from it; an agent reads their own customers' items.
 */
export const voiceRoutes = {
  submitRant: {
    method: 'POST',
    path: '/voice/rants',
    auth: 'user',
    request: SubmitRantRequestSchema,
    response: SubmitRantResponseSchema,
  },
  listVoiceItems: {
    method: 'GET',
    path: '/staff/voice/items',
    auth: 'user',
    response: VoiceItemsResponseSchema,
  },
  listVoiceClusters: {
    method: 'GET',
    path: '/staff/voice/clusters',
    auth: 'user',
    response: VoiceClustersResponseSchema,
  },
  escalateVoiceItem: {
    method: 'POST',
    path: '/staff/voice/items/{itemId}/escalation',
    auth: 'user',
    request: EscalateVoiceItemRequestSchema,
    response: VoiceItemViewSchema,
  },
  escalateVoiceCluster: {
    method: 'POST',
    path: '/staff/voice/cluster-escalations',
    auth: 'user',
    request: EscalateVoiceClusterRequestSchema,
    response: VoiceClustersResponseSchema,
  },
  /** The listening log of a day: sessions of listeners whose scope lies in the reader's subtree. */
  getVoiceListeningLog: {
    method: 'GET',
    path: '/staff/voice/listening-log',
    auth: 'user',
    response: VoiceListeningLogSchema,
  },
  /** 整改: open a task from an item or a cluster, list, read, note progress, close with evidence. */
  openRectification: {
    method: 'POST',
    path: '/staff/voice/rectifications',
    auth: 'user',
    request: OpenRectificationRequestSchema,
    response: RectificationViewSchema,
  },
  listRectifications: {
    method: 'GET',
    path: '/staff/voice/rectifications',
    auth: 'user',
    response: RectificationsResponseSchema,
  },
  getRectification: {
    method: 'GET',
    path: '/staff/voice/rectifications/{rectificationId}',
    auth: 'user',
    response: RectificationViewSchema,
  },
  addRectificationNote: {
    method: 'POST',
    path: '/staff/voice/rectifications/{rectificationId}/notes',
    auth: 'user',
    request: RectificationNoteRequestSchema,
    response: RectificationViewSchema,
  },
  closeRectification: {
    method: 'POST',
    path: '/staff/voice/rectifications/{rectificationId}/closure',
    auth: 'user',
    request: CloseRectificationRequestSchema,
    response: RectificationViewSchema,
  },
  /** 人工客服旁听: the live handoff chats of an executive's subtree, and one of them, masked and read-only. */
  listVoiceHandoffs: {
    method: 'GET',
    path: '/staff/voice/handoffs',
    auth: 'user',
    response: ListenedHandoffsResponseSchema,
  },
  getVoiceHandoff: {
    method: 'GET',
    path: '/staff/voice/handoffs/{handoffId}',
    auth: 'user',
    response: ListenedHandoffViewSchema,
  },
  listAgentVoiceItems: {
    method: 'GET',
    path: '/agent/voice/items',
    auth: 'user',
    response: VoiceItemsResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
