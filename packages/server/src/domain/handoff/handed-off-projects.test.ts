import { describe, expect, it } from 'vitest';
import { handedOffProjects } from './handed-off-projects';

function counting(answers: Record<string, boolean>) {
  const asked: string[] = [];
  const known = handedOffProjects(async (projectId) => {
    asked.push(projectId);
    return answers[projectId] ?? false;
  });
  return { known, asked };
}

describe('handed-off projects', () => {
  it('asks the database once per project, however many writes follow', async () => {
    const { known, asked } = counting({ delivering: true });
    for (let write = 0; write < 5; write++) {
      expect(await known.isHandedOff('standalone')).toBe(false);
      expect(await known.isHandedOff('delivering')).toBe(true);
    }
    expect(asked).toEqual(['standalone', 'delivering']);
  });

  it('asks again after an initiative changed, so a project linked later is seen as handed off', async () => {
    const answers: Record<string, boolean> = {};
    const { known, asked } = counting(answers);
    expect(await known.isHandedOff('later')).toBe(false);
    answers.later = true;
    known.forget();
    expect(await known.isHandedOff('later')).toBe(true);
    expect(asked).toEqual(['later', 'later']);
  });

  it('keeps no answer loaded while it was told to forget', async () => {
    let release: (value: boolean) => void = () => undefined;
    let calls = 0;
    const known = handedOffProjects(() => {
      calls += 1;
      return calls === 1 ? new Promise<boolean>((resolve) => (release = resolve)) : Promise.resolve(true);
    });
    const first = known.isHandedOff('racing');
    known.forget();
    release(false);
    expect(await first).toBe(false);
    expect(await known.isHandedOff('racing')).toBe(true);
    expect(calls).toBe(2);
  });

  it('asks again once an answer is a minute old, in case a change notification was lost', async () => {
    let clock = 0;
    const asked: string[] = [];
    const known = handedOffProjects(
      async (projectId) => {
        asked.push(projectId);
        return false;
      },
      () => clock,
    );
    await known.isHandedOff('quiet');
    clock = 59_000;
    await known.isHandedOff('quiet');
    clock = 61_000;
    await known.isHandedOff('quiet');
    expect(asked).toEqual(['quiet', 'quiet']);
  });
});
