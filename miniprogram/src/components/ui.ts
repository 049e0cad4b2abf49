// NutUI components imported one by one (with only their own styles) to keep the main package small.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
