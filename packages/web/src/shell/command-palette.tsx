import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints';
import { keys } from '../api/query-keys';
import type { EntityKind } from '../api/types';
import { Icons } from '../components/icons';
import { kindLabels } from '../lib/kinds';
import { useWorkspacePermissions } from '../lib/permissions';
import { useMe } from '../lib/session';
import { useDebounced } from '../lib/use-debounced';
import { useTheme } from '../theme/theme';

const kinds: readonly EntityKind[] = ['products', 'programs', 'projects'];
const kindIcons = { products: Icons.product, programs: Icons.program, projects: Icons.project };

/**
 * Keeps an entry when every typed word appears in it. Stricter than cmdk's default fuzzy match, which lets "new" find
 * "Partner API v2" (n…e…w): for names of things, people expect to find what they typed.
 */
export function matchWords(value: string, search: string): number {
  const text = value.toLowerCase();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  if (!words.every((word) => text.includes(word))) return 0;
  // Entries that start with what was typed come first.
  return text.startsWith(words[0] ?? '') ? 1 : 0.5;
}

/** ⌘K / Ctrl+K: jump to any page or entity, create things, switch workspace or theme, all from the keyboard. */
export function CommandPalette({
  open,
  onClose,
  workspaceId,
  onCreateWorkspace,
}: {
  open: boolean;
  onClose: () => void;
  workspaceId: string;
  onCreateWorkspace: () => void;
}) {
  const navigate = useNavigate();
  const me = useMe();
  const { setChoice } = useTheme();
  const restoreFocus = useRef<Element | null>(null);
  const can = useWorkspacePermissions(workspaceId).data;
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 150);
  const lists = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: keys.entityNames(kind, workspaceId, q),
      queryFn: () => api.entities(kind, workspaceId, { sort: 'name', ...(q ? { q } : {}) }),
      enabled: open,
      placeholderData: keepPreviousData,
    })),
  });
  useEffect(() => {
    if (open) {
      restoreFocus.current = document.activeElement;
      setSearch('');
    } else if (restoreFocus.current instanceof HTMLElement) restoreFocus.current.focus();
  }, [open]);
  if (!open) return null;
  const run = (action: () => unknown) => {
    onClose();
    void action();
  };
  const go = (kind: EntityKind | 'people' | 'settings') =>
    run(() => navigate({ to: `/w/$workspaceId/${kind}`, params: { workspaceId } }));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a mouse shortcut; Escape closes it from the keyboard.
    <div
      className="palette-overlay"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <Command
        className="palette"
        label="Command palette"
        filter={matchWords}
        role="dialog"
        aria-modal="true"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <Command.Input
          autoFocus
          value={search}
          onValueChange={setSearch}
          placeholder="Type a command or search…"
          aria-label="Command"
        />
        <Command.List>
          <Command.Empty>Nothing matches. Try a page name, or “new”.</Command.Empty>
          <Command.Group heading="Go to">
            {kinds.map((kind) => {
              const Icon = kindIcons[kind];
              return (
                <Command.Item key={kind} value={`Go to ${kindLabels[kind].plural}`} onSelect={() => go(kind)}>
                  <Icon />
                  {kindLabels[kind].plural}
                </Command.Item>
              );
            })}
            <Command.Item value="Go to People" onSelect={() => go('people')}>
              <Icons.people />
              People
            </Command.Item>
            <Command.Item value="Go to Settings" onSelect={() => go('settings')}>
              <Icons.settings />
              Settings
            </Command.Item>
            <Command.Item value="Go to Account" onSelect={() => run(() => navigate({ to: '/account' }))}>
              <Icons.user />
              Account and API tokens
            </Command.Item>
          </Command.Group>
          <Command.Group heading="Create">
            {(can?.create ? kinds : []).map((kind) => (
              <Command.Item
                key={kind}
                value={`New ${kindLabels[kind].singular}`}
                onSelect={() =>
                  run(() =>
                    navigate({
                      to: `/w/$workspaceId/${kind}`,
                      params: { workspaceId },
                      search: { create: true },
                    }),
                  )
                }
              >
                <Icons.plus />
                New {kindLabels[kind].singular.toLowerCase()}
              </Command.Item>
            ))}
            {can?.manageMembers ? (
              <Command.Item value="Invite people" onSelect={() => go('people')}>
                <Icons.mail />
                Invite people
              </Command.Item>
            ) : null}
            <Command.Item value="New workspace" onSelect={() => run(onCreateWorkspace)}>
              <Icons.workspace />
              New workspace
            </Command.Item>
          </Command.Group>
          {kinds.map((kind, index) => {
            const items = lists[index]?.data?.items ?? [];
            if (items.length === 0) return null;
            const Icon = kindIcons[kind];
            return (
              <Command.Group key={kind} heading={kindLabels[kind].plural}>
                {items.map((entity) => (
                  <Command.Item
                    key={entity.id}
                    value={`${entity.name} ${kindLabels[kind].singular} ${entity.id}`}
                    onSelect={() =>
                      run(() =>
                        navigate({
                          to: `/w/$workspaceId/${kind}/$entityId`,
                          params: { workspaceId, entityId: entity.id },
                        }),
                      )
                    }
                  >
                    <Icon />
                    {entity.name}
                    <span className="palette__hint">{kindLabels[kind].singular}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            );
          })}
          {(me.data?.workspaces.length ?? 0) > 1 ? (
            <Command.Group heading="Switch workspace">
              {me.data?.workspaces
                .filter((w) => w.id !== workspaceId)
                .map((workspace) => (
                  <Command.Item
                    key={workspace.id}
                    value={`Switch to workspace ${workspace.name}`}
                    onSelect={() =>
                      run(() => navigate({ to: '/w/$workspaceId', params: { workspaceId: workspace.id } }))
                    }
                  >
                    <Icons.workspace />
                    {workspace.name}
                  </Command.Item>
                ))}
            </Command.Group>
          ) : null}
          <Command.Group heading="Theme">
            <Command.Item value="Theme: light" onSelect={() => run(() => setChoice('light'))}>
              <Icons.sun />
              Light theme
            </Command.Item>
            <Command.Item value="Theme: dark" onSelect={() => run(() => setChoice('dark'))}>
              <Icons.moon />
              Dark theme
            </Command.Item>
            <Command.Item value="Theme: system" onSelect={() => run(() => setChoice('system'))}>
              <Icons.settings />
              Match the system theme
            </Command.Item>
          </Command.Group>
        </Command.List>
        <div className="palette__footer">
          <span>
            <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> to move
          </span>
          <span>
            <kbd className="kbd">↵</kbd> to open
          </span>
          <span>
            <kbd className="kbd">esc</kbd> to close
          </span>
        </div>
      </Command>
    </div>
  );
}
