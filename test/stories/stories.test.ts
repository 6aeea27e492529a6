// Every story, rendered as Storybook renders it, in Chromium and Firefox: no console errors, no axe-core violations.
import { expect } from 'chai';
import { render, type TemplateResult } from 'lit';
import type { AxeResults, RunOptions } from 'axe-core';
import * as consentPopup from '../../stories/consent-popup.stories.js';
import * as loginButton from '../../stories/login-button.stories.js';
import * as tokenStatus from '../../stories/token-status.stories.js';

interface StoryLike {
  args?: Record<string, unknown>;
  tags?: string[];
  render?: (args: Record<string, unknown>, context: unknown) => TemplateResult;
}

type StoriesFile = Record<string, unknown> & { default: StoryLike & { title: string } };

const files = [loginButton, consentPopup, tokenStatus] as unknown as StoriesFile[];

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** axe-core is a classic script: load it as one. */
function loadAxe(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
}

const axeOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  // Page-level rules: a story is a fragment, not a page.
  rules: {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
  },
};

/** Waits until every element in `root` (and in their shadow roots) has rendered, language packs and story clients included. */
async function settled(root: ParentNode): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const elements = [...root.querySelectorAll('*')].filter(
      (node): node is HTMLElement & { updateComplete: Promise<unknown> } => 'updateComplete' in node,
    );
    await Promise.all(elements.map((element) => element.updateComplete));
  }
}

/** Collects what a story logs as a console error, until the returned restore is called. */
function collectConsoleErrors(sink: string[]): () => void {
  /* eslint-disable no-console -- the test listens for the stories' console errors */
  const original = console.error;
  console.error = (...args: unknown[]) => {
    sink.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return () => (console.error = original);
  /* eslint-enable no-console */
}

describe('stories', () => {
  before(loadAxe);

  for (const file of files) {
    const meta = file.default;
    describe(meta.title, () => {
      for (const [name, exported] of Object.entries(file)) {
        if (name === 'default' || typeof exported !== 'object' || exported === null) continue;
        const story = exported as StoryLike;
        if (story.tags?.includes('!test')) continue; // the Service Worker story: proven by npm run test:storybook-static
        it(`${name} renders with no console errors and no axe violations`, async () => {
          const errors: string[] = [];
          const onError = (event: ErrorEvent | PromiseRejectionEvent): void => {
            errors.push(String('message' in event ? event.message : event.reason));
          };
          const restore = collectConsoleErrors(errors);
          addEventListener('error', onError);
          addEventListener('unhandledrejection', onError);
          const container = document.createElement('div');
          document.body.append(container);
          try {
            const args = { ...meta.args, ...story.args };
            const template = (story.render ?? meta.render)?.(args, { args, id: name, name });
            render(template, container);
            await settled(container);
            const results = await window.axe.run(container, axeOptions);
            const violations = results.violations.map(
              (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
            );
            expect(results.passes.length, 'axe checked something').to.be.greaterThan(0);
            expect(violations, 'axe violations').to.deep.equal([]);
            expect(errors, 'console errors').to.deep.equal([]);
          } finally {
            restore();
            removeEventListener('error', onError);
            removeEventListener('unhandledrejection', onError);
            render(null, container);
            container.remove();
          }
        });
      }
    });
  }
});
