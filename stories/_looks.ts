import { html, type TemplateResult } from 'lit';

/** The four languages, each in its own `lang`. */
export const languages = ['en', 'ru', 'pl', 'zh'] as const;

/** Shows `each(lang)` once per language, in a row. */
export const inEveryLanguage = (each: (lang: string) => TemplateResult): TemplateResult =>
  html`<div style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: start">${languages.map((lang) => html`<div lang=${lang}>${each(lang)}</div>`)}</div>`;

/** Shows `each(theme)` on a light and a dark page. */
export const inBothThemes = (each: (theme: 'light' | 'dark') => TemplateResult): TemplateResult =>
  html`<div style="display: flex; flex-wrap: wrap; gap: 1rem">
    <div style="padding: 1rem; background: #fff; color: #1b1f24">${each('light')}</div>
    <div style="padding: 1rem; background: #0d1117; color: #e6edf3">${each('dark')}</div>
  </div>`;
