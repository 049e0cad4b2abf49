// Built once: Intl formatters are expensive to create.
const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "11/26 09:05" in Asia/Shanghai, whatever the phone's time zone. */
export function formatShanghaiTime(iso: string): string {
  return shanghaiTime.format(new Date(iso));
}
