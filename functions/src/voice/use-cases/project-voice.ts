import type { ReviewItem } from '@zhixiang/shared/assistant/feedback-report';
import { nextDate, shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import type { VoiceFeedEntry, VoiceItemRecord } from '@zhixiang/shared/ports/voice';
import { COMPLAINT_CATEGORY_JOURNEYS } from '@zhixiang/shared/voice/themes';
import { drainOutbox } from '../../platform/outbox/drain-outbox';
import { announceVoiceItem } from './listen-to-voice';
import { newVoiceItem, type VoiceDeps, voiceItemId } from './voice-access';

/** Feed entries taken per run (every minute). */
export const VOICE_FEED_PAGE = 100;

export interface VoiceProjectionReport {
  complaintsPending: number;
  complaintsProjected: number;
  assistantProjected: number;
  /** Items put by another context's own transaction (a rating that is voice, a problem case) pushed this run. */
  announced: number;
  failed: number;
}

/** The voice source of each reason the assistant lists a turn for. */
const ASSISTANT_SOURCES: Record<ReviewItem['reason'], VoiceItemRecord['source'] | undefined> = {
  thumbs_down: 'assistant_thumbs_down',
  unanswered: 'assistant_unanswered',
  angry: 'assistant_angry',
};

/**
 * The voice stream's projection (every minute): puts one item per source, exactly once.
 * - Complaints: each complaint received wrote a feed entry in its own transaction (the outbox);
 *   the item is put only if new (its id is derived from the complaint), then the entry leaves the
 *   pending index with a conditional write. A crash between the two puts nothing twice: the next
 *   run finds the item and only takes the entry off.
 * - The assistant's 👎, unanswered and angry turns (an angry one with its anger score): the
 *   assistant lists each in its improvement report's day index in the turn's own transaction; the projection reads today's and yesterday's (Shanghai)
 *   and puts each turn's item only if new.
 * - Items another context put in its own transaction (a rating that is voice, a callback's problem
 *   case): each came with an
 *   announcement entry; the run reads the item, takes the entry with a conditional delete, and only
 *   the run that took it pushes the item, so two runs at once push it once.
 * One failing entry never stops the others (`platform/outbox`). Each new item is pushed to the
 * connections listening to its branch or a level above (高管聆听).
 */
export async function projectVoice(deps: VoiceDeps): Promise<VoiceProjectionReport> {
  const voice = deps.repositories.voice;
  const entries = await voice.listPendingFeed(VOICE_FEED_PAGE);
  const report: VoiceProjectionReport = {
    complaintsPending: entries.length,
    complaintsProjected: 0,
    assistantProjected: 0,
    announced: 0,
    failed: 0,
  };
  const fed = await drainOutbox<VoiceFeedEntry>(entries, {
    deliver: async (entry) => {
      const item = newVoiceItem(deps.voiceThemes, {
        sourceKey: `complaint:${entry.complaintId}`,
        source: 'complaint',
        words: entry.description,
        journey: COMPLAINT_CATEGORY_JOURNEYS[entry.category],
        customerId: entry.customerId,
        branchPath: entry.branchPath,
        at: entry.receivedAt,
        complaintId: entry.complaintId,
      });
      if (await voice.putItem(item)) {
        report.complaintsProjected++;
        await announceVoiceItem(deps, item);
      }
      await voice.markFeedDone(entry.complaintId);
    },
    recordFailure: (entry, reason) => voice.recordFeedFailure(entry.complaintId, reason),
    describe: (entry) => ({ complaintId: entry.complaintId }),
    logger: deps.logger,
  });
  const today = shanghaiDate(deps.now());
  const turns = (
    await Promise.all(
      [nextDate(today, -1), today].map((day) =>
        deps.repositories.assistantConversations.listReviewItems(day),
      ),
    )
  ).flat();
  const owners = new Map<string, Promise<{ customerId: string | null; branchPath: string }>>();
  const assisted = await drainOutbox<ReviewItem>(turns, {
    deliver: async (turn) => {
      const sourceKey = `assistant:${turn.conversationId}:${turn.seq}:${turn.reason}`;
      // The improvement report's index may list other reasons one day: only these become voice.
      const source = ASSISTANT_SOURCES[turn.reason];
      if (!source) return;
      if (await voice.getItem(voiceItemId(sourceKey))) return;
      let owner = owners.get(turn.conversationId);
      if (!owner) {
        owner = ownerOf(deps, turn.conversationId);
        owners.set(turn.conversationId, owner);
      }
      const { customerId, branchPath } = await owner;
      const item = newVoiceItem(deps.voiceThemes, {
        sourceKey,
        source,
        words: turn.text,
        angerScore: turn.angerScore,
        journey: 'assistant',
        customerId,
        branchPath,
        at: new Date(turn.at).toISOString(),
        complaintId: null,
      });
      if (await voice.putItem(item)) {
        report.assistantProjected++;
        await announceVoiceItem(deps, item);
      }
    },
    // The report's index is the assistant's: nothing to record there, the next run tries again.
    recordFailure: async () => {},
    describe: (turn) => ({ conversationId: turn.conversationId, seq: turn.seq }),
    logger: deps.logger,
  });
  const pendingAnnouncements = await voice.listPendingAnnouncements(VOICE_FEED_PAGE);
  const announced = await drainOutbox<string>(pendingAnnouncements, {
    deliver: async (itemId) => {
      // Read before taking the entry: a failed read leaves it for the next run.
      const item = await voice.getItem(itemId);
      if (!(await voice.claimAnnouncement(itemId)) || !item) return;
      report.announced++;
      await announceVoiceItem(deps, item);
    },
    // The entry is gone once claimed, and a push is best effort: nothing to record.
    recordFailure: async () => {},
    describe: (itemId) => ({ itemId }),
    logger: deps.logger,
  });
  report.failed = fed.failed + assisted.failed + announced.failed;
  return report;
}

/** The conversation's customer and their branch; a visitor's voice goes to the head office. */
async function ownerOf(
  deps: VoiceDeps,
  conversationId: string,
): Promise<{ customerId: string | null; branchPath: string }> {
  const visitor = { customerId: null, branchPath: deps.voiceThemes.visitorBranchPath };
  const conversation = await deps.repositories.assistantConversations.get(conversationId);
  if (!conversation?.ownerUserId) return visitor;
  const user = await deps.repositories.users.get(conversation.ownerUserId);
  if (!user?.customerId) return visitor;
  const customer = await deps.repositories.customers.get(user.customerId);
  return customer ? { customerId: customer.customerId, branchPath: customer.branchPath } : visitor;
}
