import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, isUnauthenticated } from './api/client';
import { keys } from './api/query-keys';
import { ToastProvider } from './components/toast';
import { router } from './router';
import '@fontsource-variable/inter/wght.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/overlays.css';
import './styles/records.css';

// A session that ends elsewhere (signed out in another tab, password changed) shows up as a 401 on any call;
// refetching the session then lets the sign-in guard take the user to the sign-in page.
const onUnauthenticated = (error: unknown, key?: readonly unknown[]) => {
  if (isUnauthenticated(error) && key?.[0] !== keys.me[0])
    void queryClient.invalidateQueries({ queryKey: keys.me });
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onUnauthenticated(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(error) }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change on retry; only network trouble and 5xx are worth another try.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
