import type { ResultFact } from '@zhixiang/shared/home/todos';
import type { MessageStore } from '@zhixiang/shared/ports/notifications';

/** Unread messages read for the home: more than any customer has undecided applications at once. */
export const UNREAD_RESULTS_READ = 50;

/**
 * The home's query of the message centre: the customer's unread messages about their
 * applications (one Query of the unread index, partitioned by the customer), for the
 * "results not yet seen" to-do.
 */
export async function resultFactsOf(
  deps: { messages: Pick<MessageStore, 'listUnread'> },
  customerId: string,
): Promise<ResultFact[]> {
  const unread = await deps.messages.listUnread(customerId, UNREAD_RESULTS_READ);
  return unread.flatMap((message) =>
    message.subject.kind === 'application'
      ? [
          {
            messageId: message.messageId,
            kind: message.kind,
            applicationId: message.subject.applicationId,
            title: message.title,
            read: message.readAt !== null,
            at: message.sentAt ?? message.createdAt,
          },
        ]
      : [],
  );
}
