// Lengths of time as people read them: "12 s", "3 min 4 s", "1 h 5 min".

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Time left at the rate so far; null while too little is done to say (under 5 %). */
export function estimateRemainingMs(elapsedMs: number, progress: number): number | null {
  if (progress < 0.05 || progress >= 1 || elapsedMs <= 0) return null;
  return (elapsedMs * (1 - progress)) / progress;
}

/** A rough length for estimates: "less than a minute", "~12 min", "~2 h 15 min", "~3 days". */
export function formatApproxDuration(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `~${minutes} min`;
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest ? `~${hours} h ${rest} min` : `~${hours} h`;
  }
  return `~${Math.round(minutes / (24 * 60))} days`;
}
