import Taro from '@tarojs/taro';
import { runtimeConfig } from './runtime-config';
import { getSession } from './session';

/**
 * Opens the live chat's WebSocket with the session's access token; null when it could not connect.
 * `onEnd` runs once when the socket ends: WeChat reports a failed socket with onError, sometimes
 * followed by onClose.
 */
export async function openLiveSocket(
  url: string,
  token: string,
  onEnd: (task: Taro.SocketTask) => void,
): Promise<Taro.SocketTask | null> {
  let task: Taro.SocketTask;
  try {
    task = await Taro.connectSocket({ url: `${url}?token=${encodeURIComponent(token)}` });
  } catch {
    return null;
  }
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd(task);
  };
  task.onClose(end);
  task.onError(end);
  return task;
}

const RETRY_MS = 3000;

/**
 * Keeps one live-chat socket open for a page: connects with the session's token (nothing on a
 * stage without a live-chat URL, or signed out), calls `onOpen` on every (re)connection — where the
 * page sends what it listens to — and `onFrame` for each frame; when the socket ends, `onDown` and a
 * new try every 3 s. Returns `stop`, which sends `lastFrame` (if any) and closes the socket.
 */
export function keepLiveSocket(handlers: {
  onOpen: (task: Taro.SocketTask) => void;
  onFrame: (data: unknown) => void;
  onDown: () => void;
  lastFrame?: () => string;
}): () => void {
  let stopped = false;
  let socket: Taro.SocketTask | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    handlers.onDown();
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), RETRY_MS);
  };
  async function connect() {
    const url = runtimeConfig().liveChatUrl;
    const token = getSession()?.accessToken;
    if (stopped || !url || !token) return;
    const task = await openLiveSocket(url, token, (ended) => {
      if (socket !== ended) return;
      socket = null;
      retry();
    });
    if (!task) return retry();
    if (stopped) return task.close({});
    socket = task;
    task.onOpen(() => handlers.onOpen(task));
    task.onMessage((message) => handlers.onFrame(message.data));
  }
  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (!socket) return;
    if (handlers.lastFrame) socket.send({ data: handlers.lastFrame() });
    socket.close({});
  };
}
