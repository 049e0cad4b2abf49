import Taro from '@tarojs/taro';

/** A scan the door could not send (no network): sent later with the time it was made. */
export interface QueuedScan {
  ticket: string;
  scannedAt: string;
}

/**
 * What this device remembers of an event's door, kept in storage so that closing the page or
 * losing the network loses nothing: the scans waiting to be sent, and every ticket this device
 * has already let in (a second scan is caught even offline).
 */
export class DoorMemory {
  constructor(private readonly eventId: string) {}

  private get queueKey() {
    return `event-door-queue-${this.eventId}`;
  }

  private get seenKey() {
    return `event-door-seen-${this.eventId}`;
  }

  queued(): QueuedScan[] {
    const stored = Taro.getStorageSync(this.queueKey) as QueuedScan[] | '' | undefined;
    return stored ? stored : [];
  }

  hasSeen(ticket: string): boolean {
    const stored = Taro.getStorageSync(this.seenKey) as string[] | '' | undefined;
    return Boolean(stored) && (stored as string[]).includes(ticket);
  }

  markSeen(ticket: string): void {
    const stored = Taro.getStorageSync(this.seenKey) as string[] | '' | undefined;
    Taro.setStorageSync(this.seenKey, [...(stored || []), ticket]);
  }

  enqueue(scan: QueuedScan): void {
    Taro.setStorageSync(this.queueKey, [...this.queued(), scan]);
  }

  /** Removes a sent (or refused) scan from the queue. */
  dequeue(ticket: string): void {
    Taro.setStorageSync(
      this.queueKey,
      this.queued().filter((s) => s.ticket !== ticket),
    );
  }
}
