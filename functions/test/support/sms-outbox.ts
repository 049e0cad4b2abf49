import { readFile } from 'node:fs/promises';
import type { OutboxLine } from '../../src/platform/sms/sandbox-outbox-sms';
import type { System } from '../../src/system';

/**
 * The customer notifications the sandbox SMS provider sent to this phone (template `notification`),
 * read from its outbox file — the customer's phone in the tests. The file is shared by the test
 * files running at once: count from a mark, or filter on what only this test sends.
 */
export async function notificationSmsTo(
  container: Pick<System, 'config'>,
  phone: string,
): Promise<OutboxLine[]> {
  const sms = container.config.sms;
  if (sms.provider !== 'sandbox-outbox') throw new Error('the tests send SMS to the local outbox');
  const text = await readFile(sms.outboxFile, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxLine)
    .filter((line) => line.to === phone && line.template === 'notification');
}
