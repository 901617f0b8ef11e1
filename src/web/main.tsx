// Entry point: initialises i18n, loads the server's settings (the centre's time zone) and mounts the application.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import { App } from './app/App';
import { loadSettings } from './app/settings';

void loadSettings().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
