import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/*.stories.ts'],
  // Docs pages (autodocs) from the class JSDoc, through custom-elements.json.
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    // Not the demo's vite.config.ts (its root is demo/): Storybook gets a plain one.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true },
};

export default config;
