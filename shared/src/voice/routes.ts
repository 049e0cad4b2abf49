import { type RouteSpec, responds } from '../api/route-spec';
import type { AttachmentLinksSchema, UploadTicketSchema } from '../uploads/attachments';
import type { ListenedHandoffsResponseSchema, ListenedHandoffViewSchema } from './listen-in';
import {
  CloseRectificationRequestSchema,
  OpenRectificationRequestSchema,
  RectificationNoteRequestSchema,
  type RectificationsResponseSchema,
  type RectificationViewSchema,
} from './rectification';
import {
  EscalateVoiceClusterRequestSchema,
  EscalateVoiceItemRequestSchema,
  SubmitRantRequestSchema,
  type SubmitRantResponseSchema,
  type VoiceClustersResponseSchema,
  type VoiceItemsResponseSchema,
  type VoiceItemViewSchema,
  type VoiceListeningLogSchema,
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
    response: responds<typeof SubmitRantResponseSchema>(),
  },
  listVoiceItems: {
    method: 'GET',
    path: '/staff/voice/items',
    auth: 'user',
    response: responds<typeof VoiceItemsResponseSchema>(),
  },
  listVoiceClusters: {
    method: 'GET',
    path: '/staff/voice/clusters',
    auth: 'user',
    response: responds<typeof VoiceClustersResponseSchema>(),
  },
  escalateVoiceItem: {
    method: 'POST',
    path: '/staff/voice/items/{itemId}/escalation',
    auth: 'user',
    request: EscalateVoiceItemRequestSchema,
    response: responds<typeof VoiceItemViewSchema>(),
  },
  escalateVoiceCluster: {
    method: 'POST',
    path: '/staff/voice/cluster-escalations',
    auth: 'user',
    request: EscalateVoiceClusterRequestSchema,
    response: responds<typeof VoiceClustersResponseSchema>(),
  },
  /** The listening log of a day: sessions of listeners whose scope lies in the reader's subtree. */
  getVoiceListeningLog: {
    method: 'GET',
    path: '/staff/voice/listening-log',
    auth: 'user',
    response: responds<typeof VoiceListeningLogSchema>(),
  },
  /** 整改: open a task from an item or a cluster, list, read, note progress, close with evidence. */
  openRectification: {
    method: 'POST',
    path: '/staff/voice/rectifications',
    auth: 'user',
    request: OpenRectificationRequestSchema,
    response: responds<typeof RectificationViewSchema>(),
  },
  listRectifications: {
    method: 'GET',
    path: '/staff/voice/rectifications',
    auth: 'user',
    response: responds<typeof RectificationsResponseSchema>(),
  },
  getRectification: {
    method: 'GET',
    path: '/staff/voice/rectifications/{rectificationId}',
    auth: 'user',
    response: responds<typeof RectificationViewSchema>(),
  },
  addRectificationNote: {
    method: 'POST',
    path: '/staff/voice/rectifications/{rectificationId}/notes',
    auth: 'user',
    request: RectificationNoteRequestSchema,
    response: responds<typeof RectificationViewSchema>(),
  },
  closeRectification: {
    method: 'POST',
    path: '/staff/voice/rectifications/{rectificationId}/closure',
    auth: 'user',
    request: CloseRectificationRequestSchema,
    response: responds<typeof RectificationViewSchema>(),
  },
  /** One evidence file's upload for the closure of an open task (a presigned PUT of the caller's own). */
  createRectificationEvidenceUpload: {
    method: 'POST',
    path: '/staff/voice/rectifications/{rectificationId}/evidence-uploads',
    auth: 'user',
    response: responds<typeof UploadTicketSchema>(),
  },
  /** Short-lived links to a closed task's evidence files; every view is audited. */
  listRectificationEvidence: {
    method: 'GET',
    path: '/staff/voice/rectifications/{rectificationId}/evidence',
    auth: 'user',
    response: responds<typeof AttachmentLinksSchema>(),
  },
  /** 人工客服旁听: the live handoff chats of an executive's subtree, and one of them, masked and read-only. */
  listVoiceHandoffs: {
    method: 'GET',
    path: '/staff/voice/handoffs',
    auth: 'user',
    response: responds<typeof ListenedHandoffsResponseSchema>(),
  },
  getVoiceHandoff: {
    method: 'GET',
    path: '/staff/voice/handoffs/{handoffId}',
    auth: 'user',
    response: responds<typeof ListenedHandoffViewSchema>(),
  },
  listAgentVoiceItems: {
    method: 'GET',
    path: '/agent/voice/items',
    auth: 'user',
    response: responds<typeof VoiceItemsResponseSchema>(),
  },
} as const satisfies Record<string, RouteSpec>;
