// A color per kind of audit action, so failures and security events stand out in the list.
import { tones } from '@/theme/tokens';

const alarming = new Set(['auth.login_failed', 'auth.refresh_reused', 'auth.locked']);
const families: Record<string, string> = {
  auth: 'brand',
  user: 'grape',
  system: 'gray',
  project: 'teal',
  variant_type: 'cyan',
  character: 'indigo',
};

export function actionTone(action: string): string {
  if (alarming.has(action)) return tones.danger;
  if (action.endsWith('.deactivated') || action.endsWith('.password_reset') || action.endsWith('.deleted'))
    return tones.warning;
  return families[action.split('.')[0] ?? ''] ?? 'gray';
}
