import { svg, type SVGTemplateResult } from 'lit';

const path = (d: string): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d=${d}></path></svg>`;

/** The named icons a scope may use instead of an image URL. */
export const namedIcons: Record<string, SVGTemplateResult> = {
  person: path('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0'),
  'id-card': path('M3 6h18v12H3zM7 10h4M7 14h6M15 10h2'),
  envelope: path('M3 6h18v12H3zM3 7l9 6 9-6'),
  clock: path('M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-14v5l3 2'),
  key: path('M14 10a4 4 0 1 0-4 4l-6 6v-3h3v-3h3'),
  lock: path('M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4'),
  list: path('M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01'),
  pencil: path('M4 20h4L19 9l-4-4L4 16v4Z'),
};

/** A dot for an icon name nobody knows. */
export const fallbackIcon = path('M12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z');
