import { useCallback, useEffect, useRef, useState } from 'react';

/** Seconds left before an action may repeat (e.g. resending an SMS code); 0 means ready. */
export function useCountdown(): { secondsLeft: number; start: (seconds: number) => void } {
  const [secondsLeft, setSecondsLeft] = useState(0);
  const deadline = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const start = useCallback(
    (seconds: number) => {
      stop();
      // Counting from a deadline keeps the display right when the timer is throttled in the background.
      deadline.current = Date.now() + seconds * 1000;
      setSecondsLeft(seconds);
      timer.current = setInterval(() => {
        const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
        setSecondsLeft(left);
        if (left === 0) stop();
      }, 1000);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return { secondsLeft, start };
}
