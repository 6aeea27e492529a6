import { rotateKey, type Control, type Scenario } from './control.js';
import { json } from './responses.js';
import { retireClient, type MockUser, type ProviderState } from './state.js';

/** A command to `<basePath>/__control`. */
export type ControlCommand =
  | { command: 'scenario'; scenario: Scenario }
  | { command: 'sign_in_as'; sub: string; clientId?: string; profile?: string }
  | { command: 'advance_clock'; seconds: number }
  | { command: 'rotate_keys' }
  | { command: 'users'; users: MockUser[]; profile?: string }
  | { command: 'clear_log' }
  | { command: 'disable_client' | 'delete_client'; clientId: string; profile?: string };

/**
 * The control endpoint: GET answers the request log (filtered by `client_id`), POST runs a command.
 * Used by the demo, Storybook and tests in other processes; in process, call the provider's methods.
 */
export async function controlEndpoint(
  request: Request,
  control: Control,
  states: ReadonlyMap<string, ProviderState>,
): Promise<Response> {
  if (request.method === 'GET') {
    const clientId = new URL(request.url).searchParams.get('client_id');
    return json({ requests: control.log.filter((entry) => clientId === null || entry.clientId === clientId) }, 200, {
      'cache-control': 'no-store',
    });
  }
  if (request.method !== 'POST') return json({ error: 'invalid_request' }, 405);
  let command: ControlCommand;
  try {
    command = (await request.json()) as ControlCommand;
  } catch {
    return json({ error: 'invalid_request', error_description: 'send a JSON command' }, 400);
  }
  switch (command?.command) {
    case 'scenario':
      control.scenarios.push(command.scenario);
      break;
    case 'sign_in_as':
      control.scenarios.push({
        next: 'authorization',
        signInAs: command.sub,
        clientId: command.clientId,
        profile: command.profile,
      });
      break;
    case 'advance_clock':
      control.offset += command.seconds * 1000;
      break;
    case 'rotate_keys':
      rotateKey(control);
      break;
    case 'users': {
      const state = states.get(command.profile ?? 'oidc');
      if (!state || !Array.isArray(command.users)) return json({ error: 'invalid_request' }, 400);
      state.users = command.users;
      break;
    }
    case 'clear_log':
      control.log.length = 0;
      break;
    case 'disable_client':
    case 'delete_client': {
      const state = states.get(command.profile ?? 'oidc');
      const how = command.command === 'disable_client' ? 'disable' : 'delete';
      if (!state || !retireClient(state, String(command.clientId), how))
        return json({ error: 'invalid_request', error_description: 'no such client' }, 400);
      break;
    }
    default:
      return json({ error: 'invalid_request', error_description: 'unknown command' }, 400);
  }
  return json({ ok: true });
}
