// babel-preset-taro picks the React JSX runtime and the TypeScript preset per platform.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
