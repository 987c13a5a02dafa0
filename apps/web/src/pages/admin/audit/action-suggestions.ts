// Suggestions for the action filter. Typed against the contracts' list, so a new action fails the typecheck
// until it is added here; kept out of the bundle's runtime imports of `@i2v/contracts` (which pull in zod).
import type { AuditAction } from '@i2v/contracts';

const knownActions: Record<AuditAction, true> = {
  'auth.login': true,
  'auth.login_failed': true,
  'auth.logout': true,
  'auth.refresh_reused': true,
  'auth.locked': true,
  'user.created': true,
  'user.updated': true,
  'user.role_changed': true,
  'user.deactivated': true,
  'user.reactivated': true,
  'user.password_reset': true,
  'user.password_changed': true,
  'system.admin_bootstrapped': true,
  'project.created': true,
  'project.updated': true,
  'project.metadata_schema_changed': true,
  'project.status_changed': true,
  'project.deleted': true,
  'project.restored': true,
  'variant_type.created': true,
  'variant_type.updated': true,
  'variant_type.deleted': true,
  'character.created': true,
  'character.updated': true,
  'character.deleted': true,
  'character.restored': true,
  'character.tags_changed': true,
  'scene_type.tags_changed': true,
  'character.source_image_set': true,
  'character.variant_uploaded': true,
  'character.variant_decided': true,
  'character.imported': true,
  'import.started': true,
  'import.completed': true,
  'import.cancelled': true,
  'project.metadata_imported': true,
  'worker.registered': true,
  'worker.updated': true,
  'worker.state_changed': true,
  'scene_type.created': true,
  'scene_type.updated': true,
  'scene_type.deleted': true,
  'scene.matrix_created': true,
};

const actions = Object.keys(knownActions);

/** Whole families first (a prefix ending in `.` matches every action in it), then each known action. */
export const actionSuggestions = [
  ...new Set(actions.map((action) => `${action.split('.')[0]}.`)),
  ...actions,
];
