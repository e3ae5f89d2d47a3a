import { Link, Outlet } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { useLiveEvents } from '../api/live-events';
import { initials } from '../components/feedback';
import { Icons } from '../components/icons';
import { useWorkspacePermissions } from '../lib/permissions';
import { rememberWorkspace, useMe, useSignOut } from '../lib/session';
import { HeaderTimer } from '../pages/time/header-timer';
import { useTheme } from '../theme/theme';
import { CommandPalette } from './command-palette';
import { CreateWorkspaceDialog } from './create-workspace-dialog';
import { WorkspaceSwitcher } from './workspace-switcher';

const navigation = [
  { to: '/w/$workspaceId/products', label: 'Products', icon: Icons.product },
  { to: '/w/$workspaceId/customers', label: 'Customers', icon: Icons.user },
  { to: '/w/$workspaceId/programs', label: 'Programs', icon: Icons.program },
  { to: '/w/$workspaceId/projects', label: 'Projects', icon: Icons.project },
  { to: '/w/$workspaceId/resources', label: 'Resources', icon: Icons.people },
  { to: '/w/$workspaceId/time', label: 'Time', icon: Icons.history },
] as const;

const organisation = [
  { to: '/w/$workspaceId/people', label: 'People', icon: Icons.people },
  { to: '/w/$workspaceId/settings', label: 'Settings', icon: Icons.settings },
] as const;

/** The signed-in frame: workspace switcher and navigation on the left, the top bar with search, the page. */
export function AppShell({ workspaceId, children }: { workspaceId: string; children?: ReactNode }) {
  const me = useMe();
  const live = useLiveEvents(workspaceId);
  // Guests are not shown the workspace's customers, so their navigation leaves them out.
  const seesCustomers = useWorkspacePermissions(workspaceId).data?.customers ?? true;
  const signOut = useSignOut();
  const { theme, toggle } = useTheme();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [creatingWorkspace, setCreatingWorkspace] = useState(false);
  useEffect(() => rememberWorkspace(workspaceId), [workspaceId]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const user = me.data?.user;
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Workspace navigation">
        <WorkspaceSwitcher workspaceId={workspaceId} onCreate={() => setCreatingWorkspace(true)} />
        <nav aria-label="Main" className="stack-sm" style={{ gap: 2 }}>
          <div className="sidebar__section">Plan</div>
          {navigation
            .filter((item) => seesCustomers || item.label !== 'Customers')
            .map((item) => (
              <Link key={item.to} to={item.to} params={{ workspaceId }} className="nav-link">
                <item.icon />
                <span className="nav-link__label">{item.label}</span>
              </Link>
            ))}
          <div className="sidebar__section">Organisation</div>
          {organisation.map((item) => (
            <Link key={item.to} to={item.to} params={{ workspaceId }} className="nav-link">
              <item.icon />
              <span className="nav-link__label">{item.label}</span>
            </Link>
          ))}
        </nav>
        <div className="sidebar__footer stack-sm" style={{ gap: 2 }}>
          <Link to="/account" className="nav-link">
            <span className="avatar" style={{ width: 22, height: 22, fontSize: 10 }}>
              {user ? initials(user.name) : ''}
            </span>
            <span className="nav-link__label" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {user?.name ?? 'Account'}
            </span>
          </Link>
          <button
            type="button"
            className="nav-link button--ghost"
            style={navButton}
            onClick={() => signOut.mutate()}
          >
            <Icons.signOut />
            <span className="nav-link__label">Sign out</span>
          </button>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <button
            type="button"
            className="search-trigger"
            onClick={() => setPaletteOpen(true)}
            aria-label="Open the command palette"
            aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          >
            <Icons.search />
            <span className="search-trigger__label">Search or jump to…</span>
            <kbd className="kbd">{isMac ? '⌘' : 'Ctrl'}</kbd>
            <kbd className="kbd">K</kbd>
          </button>
          <span className="spacer" />
          <HeaderTimer />
          <span
            className="live-dot"
            data-status={live}
            title={live === 'live' ? 'Live updates on' : 'Reconnecting to live updates…'}
            role="status"
            aria-label={live === 'live' ? 'Live updates on' : 'Live updates reconnecting'}
          />
          <button
            type="button"
            className="icon-button"
            onClick={toggle}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Toggle theme"
          >
            {theme === 'dark' ? <Icons.sun /> : <Icons.moon />}
          </button>
        </header>
        <main className="content" id="main">
          {children ?? <Outlet />}
        </main>
      </div>
      <CommandPalette
        open={paletteOpen}
        onClose={() => setPaletteOpen(false)}
        workspaceId={workspaceId}
        onCreateWorkspace={() => setCreatingWorkspace(true)}
      />
      <CreateWorkspaceDialog open={creatingWorkspace} onClose={() => setCreatingWorkspace(false)} />
    </div>
  );
}

const navButton = {
  width: '100%',
  border: 0,
  background: 'transparent',
  fontFamily: 'inherit',
  cursor: 'pointer',
};
