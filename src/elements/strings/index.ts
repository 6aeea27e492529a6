import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Strings } from './en.js';

export type { Strings };

/** The languages the elements speak; English is built in, the others load on first use. */
export type Language = 'en' | 'ru' | 'pl' | 'zh';

const packs: Partial<Record<Language, Strings>> = {};
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Strings>> = {
  ru: () => import('./ru.js').then((module) => module.ru),
  pl: () => import('./pl.js').then((module) => module.pl),
  zh: () => import('./zh.js').then((module) => module.zh),
};
const loading = new Map<Language, Promise<unknown>>();
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

const refresh = (): void => hosts.forEach((host) => host.requestUpdate());

/** The `lang` in force at `node`: its closest ancestor's, crossing shadow roots, then the document's. */
function langOf(node: Node): string {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
    if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang') ?? '';
  }
  return document.documentElement.lang;
}

/** The supported language of a BCP 47 tag (`zh-Hans-CN` is `zh`), English for any other. */
export function languageOf(tag: string): Language {
  const primary = tag.toLowerCase().split('-')[0];
  return primary === 'ru' || primary === 'pl' || primary === 'zh' ? primary : 'en';
}

/** Gives an element the strings of its nearest `lang`, with its own overrides, and re-renders it when either changes. */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #overrides: () => Partial<Strings>;

  constructor(host: ReactiveControllerHost & HTMLElement, overrides: () => Partial<Strings>) {
    this.#host = host;
    this.#overrides = overrides;
    host.addController(this);
  }

  /**
   * The strings to show, for a host whose words in English are `english` (each element's load with it):
   * English until a language pack has loaded, with the host's overrides over either.
   */
  of<T extends Partial<Strings>>(english: T): T {
    const language = languageOf(langOf(this.#host));
    if (language === 'en') return { ...english, ...this.#overrides() };
    const pack = packs[language];
    if (!pack && !loading.has(language)) {
      loading.set(
        language,
        loaders[language]().then((strings) => {
          packs[language] = strings;
          refresh();
        }),
      );
    }
    return { ...english, ...pack, ...this.#overrides() };
  }

  hostConnected(): void {
    hosts.add(this.#host);
    if (observer) return;
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }
}
