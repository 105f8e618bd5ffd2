import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import './app/global.css';
import { App } from './app/App';
import { installKeyGuard } from './app/lock/key-guard';

// Before anything else listens for keys: see key-guard.ts.
installKeyGuard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
