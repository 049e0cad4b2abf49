import { randomBytes } from 'node:crypto';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { CalendarOutOfRangeError, shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import { AppError } from '@zhixiang/shared/errors';
import type { RectificationRecord } from '@zhixiang/shared/ports/voice';
import type { OpenRectificationRequest, RectificationView } from '@zhixiang/shared/voice/rectification';
import { RECTIFICATION_LINES } from '@zhixiang/shared/voice/rectification';
import { toRectificationView } from './rectification-access';
import {
  actorName,
  clusterItems,
  readerBranchPath,
  VOICE_ITEM_NOT_FOUND,
  type VoiceDeps,
} from './voice-access';

/**
 * Opens a rectification task (整改) from a voice item or a week's theme cluster of the opener's
 * subtree, for a responsible line, with an owner and a due date counted in business days from
 * today. The task is audited from its first step and links back to the items it answers.
 */
export async function openRectification(
  deps: VoiceDeps,
  claims: AccessClaims,
  request: OpenRectificationRequest,
): Promise<RectificationView> {
  const path = readerBranchPath(claims);
  if (!path) throw new AppError('FORBIDDEN', '整改任务由机构的管理人员发起');
  let itemIds: string[];
  if (request.from.kind === 'item') {
    const item = await deps.repositories.voice.getItem(request.from.itemId);
    if (!item || !isInBranchSubtree(item.branchPath, path))
      throw new AppError('NOT_FOUND', VOICE_ITEM_NOT_FOUND);
    itemIds = [item.itemId];
  } else {
    const items = await clusterItems(deps, request.from.week, request.from.theme, path);
    if (items.length === 0) throw new AppError('NOT_FOUND', '本机构该周该主题下没有客户之声，无法发起整改');
    itemIds = items.map((i) => i.itemId);
  }
  const nowMs = deps.now();
  const today = shanghaiDate(nowMs);
  let dueDate: string;
  try {
    dueDate = deps.businessCalendar.addBusinessDays(today, request.dueBusinessDays);
  } catch (error) {
    if (!(error instanceof CalendarOutOfRangeError)) throw error;
    throw new AppError('VALIDATION_FAILED', `整改期限超出业务日历：${error.message}`, {
      field: 'dueBusinessDays',
    });
  }
  const at = new Date(nowMs).toISOString();
  const byName = await actorName(deps, claims);
  const task: RectificationRecord = {
    rectificationId: '',
    line: request.line,
    title: request.title,
    ownerName: request.ownerName,
    dueDate,
    branchPath: path,
    handlingBranchPath: path,
    status: 'open',
    from: request.from,
    itemIds,
    openedAt: at,
    openedByName: byName,
    trail: [
      {
        type: 'opened',
        byUserId: claims.sub,
        byName,
        at,
        text: `${RECTIFICATION_LINES[request.line]}条线 · 负责人 ${request.ownerName} · 期限 ${dueDate}`,
      },
    ],
    escalated: false,
    closedAt: null,
    evidence: null,
    version: 1,
  };
  // A random suffix: a taken id (one in sixteen million a day) is drawn again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const rectificationId = `RT${today.replaceAll('-', '')}${randomBytes(3).toString('hex').toUpperCase()}`;
    const created = { ...task, rectificationId };
    if (await deps.repositories.rectifications.create(created)) return toRectificationView(deps, created);
  }
  throw new Error('no free rectification id after 3 attempts');
}
