// PRD-054 §1.4: while the tab is hidden or unfocused and jobs run, the title leads with their progress
// ("[73%] i2v Studio"); it goes back when the tab is looked at again or nothing runs.
import { useEffect } from 'react';

const prefix = /^\[\d{1,3}%\] /;

export function titleWithProgress(title: string, progress: number | null): string {
  const plain = title.replace(prefix, '');
  return progress === null ? plain : `[${Math.round(progress * 100)}%] ${plain}`;
}

/** `progress` is the mean of the running jobs (0…1), or null when none runs. */
export function useProgressTitle(progress: number | null): void {
  useEffect(() => {
    const update = () => {
      const away = document.hidden || !document.hasFocus();
      document.title = titleWithProgress(document.title, away ? progress : null);
    };
    update();
    document.addEventListener('visibilitychange', update);
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    return () => {
      document.removeEventListener('visibilitychange', update);
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
    };
  }, [progress]);

  // leaving the signed-in app (sign-out) must not leave a stale percentage behind
  useEffect(
    () => () => {
      document.title = titleWithProgress(document.title, null);
    },
    [],
  );
}
