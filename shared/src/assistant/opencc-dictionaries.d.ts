// opencc-js ships its dictionary modules (`opencc-js/to/cn` and the like) without declarations.
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';

  /** OpenCC's traditional → simplified phrase and character dictionaries. */
  const dictionaries: readonly DictGroup[];
  export default dictionaries;
}
