import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../api/endpoints';
import { keys } from '../api/query-keys';
import type { Me, WorkspaceRole } from '../api/types';

const lastWorkspaceKey = 'tandem.lastWorkspace';

/** The signed-in user and their workspaces; an error with status 401 means nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: api.me, retry: false, staleTime: 30_000 });
}

/** Remembers the workspace last opened, so the next visit lands there. */
export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(lastWorkspaceKey, id);
  } catch {
    // Storage may be refused; landing on the first workspace is fine then.
  }
}

/** The workspace to open by default: the remembered one if the user still belongs to it, else the first. */
export function defaultWorkspaceId(me: Me): string | undefined {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(lastWorkspaceKey);
  } catch {
    remembered = null;
  }
  return me.workspaces.find((w) => w.id === remembered)?.id ?? me.workspaces[0]?.id;
}

/** The caller's role in a workspace, from `/api/auth/me`. */
export function useWorkspaceRole(workspaceId: string): WorkspaceRole | undefined {
  return useMe().data?.workspaces.find((w) => w.id === workspaceId)?.role;
}

/** Signs out, forgets every cached reply and returns to the sign-in page. */
export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.signOut,
    onSettled: async () => {
      client.clear();
      await navigate({ to: '/sign-in' });
    },
  });
}
