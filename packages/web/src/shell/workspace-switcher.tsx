import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { initials } from '../components/feedback';
import { Icons } from '../components/icons';
import { roleLabels } from '../lib/roles';
import { useMe } from '../lib/session';

/** The workspace name at the top of the sidebar; opens a menu of the user's workspaces and "create". */
export function WorkspaceSwitcher({ workspaceId, onCreate }: { workspaceId: string; onCreate: () => void }) {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const workspaces = me.data?.workspaces ?? [];
  const current = workspaces.find((w) => w.id === workspaceId);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={box} style={{ position: 'relative' }}>
      <button
        type="button"
        className="workspace-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Workspace: ${current?.name ?? '…'}. Switch workspace`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar avatar--square">{current ? initials(current.name) : ''}</span>
        <span>{current?.name ?? '…'}</span>
        <Icons.chevronDown />
      </button>
      {open ? (
        <div className="menu" role="menu" style={{ top: 44, left: 0, right: 0 }}>
          <div className="menu__label">Workspaces</div>
          {workspaces.map((workspace) => (
            <Link
              key={workspace.id}
              to="/w/$workspaceId"
              params={{ workspaceId: workspace.id }}
              className="menu__item"
              role="menuitem"
              onClick={() => setOpen(false)}
              style={{ textDecoration: 'none' }}
            >
              <span className="avatar avatar--square" style={{ width: 22, height: 22, fontSize: 10 }}>
                {initials(workspace.name)}
              </span>
              <span style={{ flex: 1 }}>{workspace.name}</span>
              <span className="subtle" style={{ fontSize: 12 }}>
                {roleLabels[workspace.role]}
              </span>
              {workspace.id === workspaceId ? <Icons.check /> : null}
            </Link>
          ))}
          <div className="menu__separator" />
          <button
            type="button"
            className="menu__item"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onCreate();
            }}
          >
            <Icons.plus />
            Create workspace
          </button>
        </div>
      ) : null}
    </div>
  );
}
