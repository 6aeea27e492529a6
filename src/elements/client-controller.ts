import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OAuthError, type ClientErrorEvent, type OAuthClient, type RenewalEvent, type Session } from '../core/index.js';
import { watchClient } from './client-registry.js';
import { OAuthErrorEvent, OAuthTokenChangeEvent } from './events.js';

type Host = ReactiveControllerHost & HTMLElement;

const clientEvents = ['renewal', 'error', 'storage-fallback'] as const;

/**
 * Ties an element to a client: follows its session while connected and re-renders the host on change.
 * @see https://lit.dev/docs/composition/controllers/
 */
export class ClientController implements ReactiveController {
  client: OAuthClient | undefined;
  session: Session | null = null;
  error: OAuthError | undefined;
  /** The last failure the client itself reported (a renewal, a load), until the session changes. */
  clientError: OAuthError | undefined;
  /** True once the client has loaded its stored session. */
  loaded = false;
  /** True while the client renews the token. */
  renewing = false;
  /** True once the client keeps its session in memory only (IndexedDB failed). */
  memoryOnly = false;
  readonly #host: Host;
  #connected = false;
  #unwatch: (() => void) | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The signed-in user's name as the elements show it: the name, else the username, else the email. */
  get displayName(): string | undefined {
    const user = this.session?.user;
    return user?.name ?? user?.preferred_username ?? user?.email;
  }

  /**
   * Follows a client given from script (or none), or by its name the page's client of that name
   * (`provideClient`), now and whenever another takes the name, until told otherwise or the host leaves the page.
   */
  follow(source: OAuthClient | string | undefined): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    if (typeof source === 'string') this.#unwatch = watchClient(source, (client) => this.#use(client));
    else this.#use(source);
  }

  #use(client: OAuthClient | undefined): void {
    if (client === this.client) return;
    this.#unsubscribe();
    this.client = client;
    this.session = client?.session ?? null;
    this.error = this.clientError = undefined;
    this.renewing = this.memoryOnly = this.loaded = false;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#unsubscribe();
  }

  /** Sends an error as the host's `oauth-error` event and keeps it for rendering (a refused attribute is the core's `invalid_config`). */
  fail(error: unknown): void {
    if (!(error instanceof OAuthError)) throw error;
    this.error = error;
    this.#host.dispatchEvent(new OAuthErrorEvent(error));
    this.#host.requestUpdate();
  }

  readonly #onChange = (event: Event): void => {
    this.session = (event as Event & { session: Session | null }).session;
    this.error = this.clientError = undefined;
    this.loaded = true;
    this.#host.dispatchEvent(new OAuthTokenChangeEvent(this.session));
    this.#host.requestUpdate();
  };

  readonly #onClientEvent = (event: Event): void => {
    if (event.type === 'renewal') this.renewing = (event as RenewalEvent).phase === 'renewing';
    else if (event.type === 'error') this.clientError = (event as ClientErrorEvent).error;
    else this.memoryOnly = true;
    this.#host.requestUpdate();
  };

  #subscribe(): void {
    const client = this.client;
    if (!client) return;
    client.addEventListener('change', this.#onChange);
    for (const type of clientEvents) client.addEventListener(type, this.#onClientEvent);
    client.ready().then(
      (session) => {
        if (this.client !== client) return;
        this.session = session;
        this.loaded = true;
        this.#host.requestUpdate();
      },
      (error: unknown) => this.fail(error),
    );
  }

  #unsubscribe(): void {
    this.client?.removeEventListener('change', this.#onChange);
    for (const type of clientEvents) this.client?.removeEventListener(type, this.#onClientEvent);
  }
}
