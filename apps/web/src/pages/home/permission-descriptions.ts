// What each permission lets a person do, in the studio's words (PRD-003).
import type { Permission, RoleName } from '@i2v/domain';

export const permissionDescriptions: Record<Permission, string> = {
  'profile.manage': 'Manage your own profile and password',
  'users.manage': 'Create user accounts, assign roles, deactivate users and reset passwords',
  'audit.read': 'Read the audit log and verify that it has not been tampered with',
  'content.read': 'View all projects, characters, scenes and their videos',
  'content.write':
    'Manage projects, characters and image variant types, submit generations and edit metadata',
  'review.flag': 'Flag issues, add review notes and suggest rejections',
  'review.finalize': 'Give final approval or rejection to scenes',
  'workers.manage': 'Register GPU workers (ComfyUI servers), drain, disable and decommission them',
  'jobs.manage': "Cancel, pause, reprioritise and retry anyone's jobs in the queue",
};

export const roleSummaries: Record<RoleName, string> = {
  admin:
    'Full access: user management and system configuration, plus everything Creators and Reviewers can do.',
  creator: 'Runs production: manages projects and characters, submits generations and gives final approval.',
  reviewer: 'Guards quality: views all content, flags issues and suggests rejections; Creators finalize.',
};
