import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useDutchValidation } from '../../shared/api/validation.js';
import { ApiClient } from './api/client.js';
import { ApiProvider } from './api/context.js';
import { createTransport } from './api/transport.js';
import { App } from './app/App.js';
import { initI18n, LANGUAGE } from './app/i18n/index.js';

// Not a React hook despite its name: it configures zod once. `jitless` because the CSP forbids eval.
useDutchValidation({ jitless: true });

await initI18n();

const client = new ApiClient(createTransport(window), window.sessionStorage);
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} lang={LANGUAGE} style={{ height: '100%' }}>
      <ApiProvider client={client}>
        <App />
      </ApiProvider>
    </FluentProvider>
  </StrictMode>,
);
