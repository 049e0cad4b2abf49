import type { ListenInServerFrame } from '@zhixiang/shared/voice/listen-in';
import type { VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import WebSocket from 'ws';
import type { System } from '../../src/system';
import { accessTokenFor } from './access-token-for';

type ListenerFrame =
  | VoiceServerFrame
  | ListenInServerFrame
  | { type: 'error'; code: string; message: string };

/**
 * A connection to the live chat's WebSocket API of the test gateway as `userId`, recording every
 * frame (and every frame's raw text); `waitFor` waits up to 5 seconds for a frame.
 */
export async function openListenerSocket(system: System, liveChatUrl: string, userId: string) {
  const token = await accessTokenFor(system, userId);
  const socket = new WebSocket(`${liveChatUrl}?token=${encodeURIComponent(token)}`);
  const frames: ListenerFrame[] = [];
  const raw: string[] = [];
  socket.on('message', (data) => {
    raw.push(String(data));
    frames.push(JSON.parse(String(data)) as ListenerFrame);
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const waitFor = async <F extends ListenerFrame>(predicate: (f: ListenerFrame) => f is F, what: string) => {
    const deadline = Date.now() + 5000;
    while (!frames.some(predicate)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return frames.find(predicate) as F;
  };
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    frames,
    raw,
    waitFor,
    send: (frame: unknown) => socket.send(JSON.stringify(frame)),
    close: () => {
      socket.close();
      return closed;
    },
  };
}

/** A listening connection (高管聆听): `listenVoice` sent at once. */
export async function listenToVoiceAs(system: System, liveChatUrl: string, userId: string) {
  const listener = await openListenerSocket(system, liveChatUrl, userId);
  const frames = listener.frames as VoiceServerFrame[];
  const waitFor = (predicate: (f: VoiceServerFrame) => boolean, what: string) =>
    listener.waitFor((f): f is VoiceServerFrame => predicate(f as VoiceServerFrame), what);
  listener.send({ action: 'listenVoice' });
  return { frames, waitFor, close: () => void listener.close() };
}
