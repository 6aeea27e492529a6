import { defineConfig } from 'vite';
import { mockProvider } from '../src/mock-provider/vite-plugin.js';

/** Storybook's Vite: the mock provider at /mock, as in the demo, for stories that sign in. */
export default defineConfig({
  plugins: [mockProvider()],
});
