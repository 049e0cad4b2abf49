import Taro from '@tarojs/taro';

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
