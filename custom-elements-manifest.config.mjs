// `npm run build:cem`: custom-elements.json from the elements' class JSDoc, for Storybook's docs and controls and for editors.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/strings/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'events-from-jsdoc',
      // The class JSDoc's @event tags are the contract; the analyzer's guesses from dispatchEvent calls are dropped.
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer lists modules in the order its file reads finish; by path, a build leaves the committed file as it was.
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((event) => event.name && event.description);
          }
        }
      },
    },
  ],
};
