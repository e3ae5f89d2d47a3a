import {
  createRootRoute,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Link,
  Navigate,
  Outlet,
  useParams,
} from '@tanstack/react-router';
import { messageOf } from './api/client';
import type { EntityKind } from './api/types';
import { EmptyState } from './components/feedback';
import { Icons } from './components/icons';
import { defaultWorkspaceId, useMe } from './lib/session';
import { AccountPage } from './pages/account/account-page';
import { AcceptInvitationPage } from './pages/auth/accept-invitation-page';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/auth/password-reset-pages';
import { SignInPage } from './pages/auth/sign-in-page';
import { SignUpPage } from './pages/auth/sign-up-page';
import { CustomersPage } from './pages/customers/customers-page';
import { EntityListPage } from './pages/entities/entity-list-page';
import { EntityPage } from './pages/entities/entity-page';
import { ResourcesPage } from './pages/resources/resources-page';
import { SharedPage } from './pages/shared/shared-page';
import { TimePage } from './pages/time/time-page';
import { WelcomePage } from './pages/welcome-page';
import { PeoplePage } from './pages/workspace/people-page';
import { SettingsPage } from './pages/workspace/settings-page';
import { AppShell } from './shell/app-shell';
import { RequireAuth } from './shell/require-auth';

const nextSearch = (search: Record<string, unknown>): { next?: string } =>
  // Only same-site paths, so a crafted link cannot send a user elsewhere after signing in.
  typeof search.next === 'string' && search.next.startsWith('/') && !search.next.startsWith('//')
    ? { next: search.next }
    : {};

function NotFound() {
  return (
    <div className="page">
      <EmptyState
        icon={<Icons.search width={22} height={22} />}
        title="Page not found"
        action={
          <Link to="/" className="button">
            Go home
          </Link>
        }
      >
        The address may be mistyped, or the page may have moved.
      </EmptyState>
    </div>
  );
}

/** Shown instead of a blank page when a page throws while rendering. */
function RenderError({ error }: ErrorComponentProps) {
  return (
    <div className="auth">
      <div className="auth__panel">
        <EmptyState
          icon={<Icons.close width={22} height={22} />}
          title="Something went wrong on this page"
          action={
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          }
        >
          {messageOf(error)}
        </EmptyState>
      </div>
    </div>
  );
}

const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RenderError,
});

function Home() {
  const me = useMe();
  if (!me.data) return null;
  const id = defaultWorkspaceId(me.data);
  return id ? (
    <Navigate to="/w/$workspaceId" params={{ workspaceId: id }} replace />
  ) : (
    <Navigate to="/welcome" replace />
  );
}

function WorkspaceLayout() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  const me = useMe();
  const member = me.data?.workspaces.some((w) => w.id === workspaceId);
  if (me.data && !member) {
    return (
      <div className="auth">
        <EmptyState
          icon={<Icons.workspace width={22} height={22} />}
          title="Workspace not found"
          action={
            <Link to="/" className="button">
              Go to your workspaces
            </Link>
          }
        >
          It may have been deleted, or you are not a member of it.
        </EmptyState>
      </div>
    );
  }
  return <AppShell workspaceId={workspaceId} />;
}

function AccountLayout() {
  const me = useMe();
  const id = me.data ? defaultWorkspaceId(me.data) : undefined;
  if (!id) {
    return (
      <div className="content" style={{ height: '100%' }}>
        <AccountPage />
      </div>
    );
  }
  return (
    <AppShell workspaceId={id}>
      <AccountPage />
    </AppShell>
  );
}

const home = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: () => (
    <RequireAuth>
      <Home />
    </RequireAuth>
  ),
});
const setup = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: SignUpPage,
  validateSearch: nextSearch,
});
const signUp = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  component: SignUpPage,
  validateSearch: nextSearch,
});
const signIn = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
  validateSearch: nextSearch,
});
const forgot = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});
const reset = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: ResetPasswordPage,
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
});
const invite = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: AcceptInvitationPage,
});
const invitation = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: AcceptInvitationPage,
});
// A share link's public page: no sign-in, outside any workspace.
const shared = createRoute({ getParentRoute: () => rootRoute, path: '/s/$token', component: SharedPage });
const welcome = createRoute({
  getParentRoute: () => rootRoute,
  path: '/welcome',
  component: () => (
    <RequireAuth>
      <WelcomePage />
    </RequireAuth>
  ),
});
const account = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: () => (
    <RequireAuth>
      <AccountLayout />
    </RequireAuth>
  ),
});
const workspace = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  component: () => (
    <RequireAuth>
      <WorkspaceLayout />
    </RequireAuth>
  ),
});
const workspaceHome = createRoute({
  getParentRoute: () => workspace,
  path: '/',
  component: () => {
    const { workspaceId } = workspaceHome.useParams();
    return <Navigate to="/w/$workspaceId/projects" params={{ workspaceId }} replace />;
  },
});

const createSearch = (search: Record<string, unknown>): { create?: boolean } =>
  search.create === true || search.create === 'true' ? { create: true } : {};

// The open tab of an entity page (a project's Gantt, board, …); any other search parameter a view keeps passes through.
function viewSearch(search: Record<string, unknown>): Record<string, unknown> & { view?: string } {
  const { view, ...rest } = search;
  return typeof view === 'string' ? { ...rest, view } : rest;
}

function entityRoutes(kind: EntityKind) {
  const list = createRoute({
    getParentRoute: () => workspace,
    path: kind,
    component: () => <EntityListPage key={kind} kind={kind} />,
    validateSearch: createSearch,
  });
  const detail = createRoute({
    getParentRoute: () => workspace,
    path: `${kind}/$entityId`,
    validateSearch: viewSearch,
    component: () => {
      const { entityId = '' } = useParams({ strict: false }) as { entityId?: string };
      return <EntityPage key={entityId} kind={kind} />;
    },
  });
  return [list, detail] as const;
}

const [products, product] = entityRoutes('products');
const [programs, program] = entityRoutes('programs');
const [projects, project] = entityRoutes('projects');
const people = createRoute({ getParentRoute: () => workspace, path: 'people', component: PeoplePage });
const settings = createRoute({ getParentRoute: () => workspace, path: 'settings', component: SettingsPage });
const resources = createRoute({
  getParentRoute: () => workspace,
  path: 'resources',
  component: ResourcesPage,
});
const customers = createRoute({
  getParentRoute: () => workspace,
  path: 'customers',
  component: CustomersPage,
});
const time = createRoute({ getParentRoute: () => workspace, path: 'time', component: TimePage });

const routeTree = rootRoute.addChildren([
  home,
  setup,
  signUp,
  signIn,
  forgot,
  reset,
  invite,
  invitation,
  shared,
  welcome,
  account,
  workspace.addChildren([
    workspaceHome,
    products,
    product,
    programs,
    program,
    projects,
    project,
    people,
    settings,
    resources,
    customers,
    time,
  ]),
]);

/** The app's routes: signed-out pages at the top level, everything else inside `/w/$workspaceId`. */
export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
