import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'oauth-elements/elements';

// React 19 passes props to custom elements as properties and `on<event>` props as listeners.
function App() {
  const [user, setUser] = useState('nobody');
  return (
    <main>
      <oauth-login-button
        issuer="/mock/oidc"
        client-id="react-demo"
        scope="openid profile"
        onoauth-login={(event) => setUser(event.session.user?.name ?? 'someone')}
      ></oauth-login-button>
      <oauth-token-status></oauth-token-status>
      <p>Signed in: {user}</p>
    </main>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
