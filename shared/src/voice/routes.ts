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

export const submitRantRoute = {
  method: 'POST',
  path: '/voice/rants',
  auth: 'user',
  request: SubmitRantRequestSchema,
  response: responds<typeof SubmitRantResponseSchema>(),
} as const satisfies RouteSpec;

export const listVoiceItemsRoute = {
  method: 'GET',
  path: '/staff/voice/items',
  auth: 'user',
  response: responds<typeof VoiceItemsResponseSchema>(),
} as const satisfies RouteSpec;

export const listVoiceClustersRoute = {
  method: 'GET',
  path: '/staff/voice/clusters',
  auth: 'user',
  response: responds<typeof VoiceClustersResponseSchema>(),
} as const satisfies RouteSpec;

export const escalateVoiceItemRoute = {
  method: 'POST',
  path: '/staff/voice/items/{itemId}/escalation',
  auth: 'user',
  request: EscalateVoiceItemRequestSchema,
  response: responds<typeof VoiceItemViewSchema>(),
} as const satisfies RouteSpec;

export const escalateVoiceClusterRoute = {
  method: 'POST',
  path: '/staff/voice/cluster-escalations',
  auth: 'user',
  request: EscalateVoiceClusterRequestSchema,
  response: responds<typeof VoiceClustersResponseSchema>(),
} as const satisfies RouteSpec;

/** The listening log of a day: sessions of listeners whose scope lies in the reader's subtree. */
export const getVoiceListeningLogRoute = {
  method: 'GET',
  path: '/staff/voice/listening-log',
  auth: 'user',
  response: responds<typeof VoiceListeningLogSchema>(),
} as const satisfies RouteSpec;

/** 整改: open a task from an item or a cluster, list, read, note progress, close with evidence. */
export const openRectificationRoute = {
  method: 'POST',
  path: '/staff/voice/rectifications',
  auth: 'user',
  request: OpenRectificationRequestSchema,
  response: responds<typeof RectificationViewSchema>(),
} as const satisfies RouteSpec;

export const listRectificationsRoute = {
  method: 'GET',
  path: '/staff/voice/rectifications',
  auth: 'user',
  response: responds<typeof RectificationsResponseSchema>(),
} as const satisfies RouteSpec;

export const getRectificationRoute = {
  method: 'GET',
  path: '/staff/voice/rectifications/{rectificationId}',
  auth: 'user',
  response: responds<typeof RectificationViewSchema>(),
} as const satisfies RouteSpec;

export const addRectificationNoteRoute = {
  method: 'POST',
  path: '/staff/voice/rectifications/{rectificationId}/notes',
  auth: 'user',
  request: RectificationNoteRequestSchema,
  response: responds<typeof RectificationViewSchema>(),
} as const satisfies RouteSpec;

export const closeRectificationRoute = {
  method: 'POST',
  path: '/staff/voice/rectifications/{rectificationId}/closure',
  auth: 'user',
  request: CloseRectificationRequestSchema,
  response: responds<typeof RectificationViewSchema>(),
} as const satisfies RouteSpec;

/** One evidence file's upload for the closure of an open task (a presigned PUT of the caller's own). */
export const createRectificationEvidenceUploadRoute = {
  method: 'POST',
  path: '/staff/voice/rectifications/{rectificationId}/evidence-uploads',
  auth: 'user',
  response: responds<typeof UploadTicketSchema>(),
} as const satisfies RouteSpec;

/** Short-lived links to a closed task's evidence files; every view is audited. */
export const listRectificationEvidenceRoute = {
  method: 'GET',
  path: '/staff/voice/rectifications/{rectificationId}/evidence',
  auth: 'user',
  response: responds<typeof AttachmentLinksSchema>(),
} as const satisfies RouteSpec;

/** 人工客服旁听: the live handoff chats of an executive's subtree, and one of them, masked and read-only. */
export const listVoiceHandoffsRoute = {
  method: 'GET',
  path: '/staff/voice/handoffs',
  auth: 'user',
  response: responds<typeof ListenedHandoffsResponseSchema>(),
} as const satisfies RouteSpec;

export const getVoiceHandoffRoute = {
  method: 'GET',
  path: '/staff/voice/handoffs/{handoffId}',
  auth: 'user',
  response: responds<typeof ListenedHandoffViewSchema>(),
} as const satisfies RouteSpec;

export const listAgentVoiceItemsRoute = {
  method: 'GET',
  path: '/agent/voice/items',
  auth: 'user',
  response: responds<typeof VoiceItemsResponseSchema>(),
} as const satisfies RouteSpec;

/**
 * The customer-voice stream (客户之声): a customer's 「我要吐槽」; staff read their subtree's items
 * and the week's theme clusters, and a 中支 or 分公司 reports an item or a cluster one level up
 * (逐级上报) and opens a rectification task (整改) from it; an agent reads their own customers' items.
 */
export const voiceRoutes = {
  submitRant: submitRantRoute,
  listVoiceItems: listVoiceItemsRoute,
  listVoiceClusters: listVoiceClustersRoute,
  escalateVoiceItem: escalateVoiceItemRoute,
  escalateVoiceCluster: escalateVoiceClusterRoute,
  getVoiceListeningLog: getVoiceListeningLogRoute,
  openRectification: openRectificationRoute,
  listRectifications: listRectificationsRoute,
  getRectification: getRectificationRoute,
  addRectificationNote: addRectificationNoteRoute,
  closeRectification: closeRectificationRoute,
  createRectificationEvidenceUpload: createRectificationEvidenceUploadRoute,
  listRectificationEvidence: listRectificationEvidenceRoute,
  listVoiceHandoffs: listVoiceHandoffsRoute,
  getVoiceHandoff: getVoiceHandoffRoute,
  listAgentVoiceItems: listAgentVoiceItemsRoute,
} as const satisfies Record<string, RouteSpec>;
