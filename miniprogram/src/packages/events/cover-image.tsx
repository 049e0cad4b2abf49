import { Image } from '@tarojs/components';

/** An event's cover above its title (a short-lived link from the server); nothing when it has none. */
export function CoverImage({ url }: { url: string | null }) {
  return url ? (
    <Image className="zx-events__cover" src={url} mode="aspectFill" data-testid="event-cover-image" />
  ) : null;
}
