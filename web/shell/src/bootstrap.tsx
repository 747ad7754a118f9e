import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncServiceClock } from '@kpd/web-kit';
import { App } from './App';

// The pages' "today" is the service's (KPD_TODAY): read it before the first render.
void syncServiceClock().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
