import { Text, View } from '@tarojs/components';
import { Fragment, type ReactNode, useState } from 'react';
import { useWideLayout } from '../hooks/use-wide-layout';
import './split-console.scss';

/** How a console's list item behaves: on a phone it opens its own page; side by side it selects. */
export interface SplitItemMode {
  /** Side by side only: show this item in the detail pane. */
  onSelect?: () => void;
  selected: boolean;
}

interface SplitConsoleProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T, mode: SplitItemMode) => ReactNode;
  renderDetail: (item: T) => ReactNode;
  /** Test ids `<prefix>-queue`, `<prefix>-split` and `<prefix>-detail`. */
  testIdPrefix: string;
  /** Shown in the detail pane while nothing is selected (the list is empty). */
  placeholder: string;
}

/**
 * A staff console's queue: a plain list on a phone (each item opens its page), and at 768 px and
 * wider in the H5 build (staff at a pad or a PC) the list beside the selected item's detail, the
 * first item selected until another is chosen.
 */
export function SplitConsole<T>({
  items,
  keyOf,
  renderItem,
  renderDetail,
  testIdPrefix,
  placeholder,
}: SplitConsoleProps<T>) {
  const wide = useWideLayout();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const open = wide ? (items.find((item) => keyOf(item) === selectedKey) ?? items[0]) : undefined;
  const list = (
    <View data-testid={`${testIdPrefix}-queue`} className={wide ? 'zx-split__list' : ''}>
      {items.map((item) => (
        <Fragment key={keyOf(item)}>
          {renderItem(
            item,
            wide
              ? {
                  onSelect: () => setSelectedKey(keyOf(item)),
                  selected: open !== undefined && keyOf(open) === keyOf(item),
                }
              : { selected: false },
          )}
        </Fragment>
      ))}
    </View>
  );
  if (!wide) return list;
  return (
    <View className="zx-split" data-testid={`${testIdPrefix}-split`}>
      {list}
      <View className="zx-split__detail" data-testid={`${testIdPrefix}-detail`}>
        {open ? (
          <Fragment key={keyOf(open)}>{renderDetail(open)}</Fragment>
        ) : (
          <Text className="zx-muted">{placeholder}</Text>
        )}
      </View>
    </View>
  );
}
