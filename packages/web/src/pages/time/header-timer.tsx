import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messageOf } from '../../api/client';
import { useToast } from '../../components/toast';
import { formatMinutes, timeApi, timeKeys } from './time-api';

function elapsedSince(startedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(startedAt).getTime()) / 60_000));
}

/** The running timer in the top bar: its task, how long it has run, and Stop. Nothing when no timer runs. */
export function HeaderTimer() {
  const client = useQueryClient();
  const toast = useToast();
  const timer = useQuery({
    queryKey: timeKeys.timer,
    queryFn: () => timeApi.timer(),
    refetchInterval: 60_000,
  });
  const [now, setNow] = useState(() => Date.now());
  const running = timer.data?.entry ?? null;
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(id);
  }, [running]);
  const stop = useMutation({
    mutationFn: () => timeApi.stop(),
    onSuccess: (stopped) =>
      toast.success(
        `${formatMinutes(stopped.elapsedMinutes) || '0:00'} added to ${stopped.entry?.taskName ?? 'the task'}`,
      ),
    onError: (error) => toast.error(messageOf(error)),
    onSettled: () => void client.invalidateQueries({ queryKey: timeKeys.all }),
  });
  if (!running?.timerStartedAt) return null;
  const elapsed = elapsedSince(running.timerStartedAt, now);
  return (
    <div
      className="row header-timer"
      role="status"
      aria-label={`Timer running on ${running.taskName}`}
      style={{ gap: 8 }}
    >
      <span className="live-dot" data-status="live" aria-hidden="true" />
      <span className="header-timer__task">{running.taskName}</span>
      <span className="muted">{formatMinutes(elapsed) || '0:00'}</span>
      <button
        type="button"
        className="button button--small"
        onClick={() => stop.mutate()}
        disabled={stop.isPending}
      >
        Stop
      </button>
    </div>
  );
}
