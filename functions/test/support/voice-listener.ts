import type { VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import WebSocket from 'ws';
import type { System } from '../../src/system';
import { accessTokenFor } from './access-token-for';

/**
 * A listening connection (高管聆听) over the live chat's WebSocket API of the test gateway, as
 * `userId`, recording every frame; `waitFor` waits up to 5 seconds for a frame.
 */
export async function listenToVoiceAs(system: System, liveChatUrl: string, userId: string) {
  const token = await accessTokenFor(system, userId);
  const socket = new WebSocket(`${liveChatUrl}?token=${encodeURIComponent(token)}`);
  const frames: VoiceServerFrame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as VoiceServerFrame));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const waitFor = async (predicate: (f: VoiceServerFrame) => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (!frames.some(predicate)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return frames.find(predicate)!;
  };
  socket.send(JSON.stringify({ action: 'listenVoice' }));
  return { frames, waitFor, close: () => socket.close() };
}
