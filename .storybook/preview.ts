import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import customElements from '../custom-elements.json';

// Docs and controls come from the class JSDoc, through custom-elements.json (npm run build:cem).
setCustomElementsManifest(customElements);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  globalTypes: {
    lang: {
      description: 'The lang the elements read',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'ru', 'pl', 'zh'], dynamicTitle: true },
    },
    scheme: {
      description: 'The colour scheme',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light dark', 'light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'en', scheme: 'light dark', dir: 'ltr' },
  decorators: [
    (story, { globals }) => html`<div
      lang=${globals['lang'] ?? 'en'}
      dir=${globals['dir'] ?? 'ltr'}
      style="--oauth-color-scheme: ${globals['scheme'] ?? 'light dark'}; color-scheme: ${globals['scheme'] ?? 'light dark'}; background: Canvas; color: CanvasText; padding: 1rem"
    >
      ${story()}
    </div>`,
  ],
};

export default preview;
