// The API's data shapes, as the shared contracts define them.
import type { components } from './schema';

export type {
  AuditEvent,
  Character,
  CharacterImport,
  CharacterSummary,
  DomainEvent,
  EventPayload,
  EventType,
  FieldError,
  ImageVariant,
  ImageVariantStatus,
  ImageVariantType,
  ImportEntry,
  MediaFile,
  MetadataImportPreview,
  Problem,
  Project,
  ProjectRetention,
  ProjectSettings,
  ProjectStatus,
  Role,
  Scene,
  SceneMatrix,
  SceneType,
  SceneVideoVersion,
  ServerSocketMessage,
  Session,
  SystemHealth,
  User,
  Worker,
  WorkerEvent,
  WorkerVitals,
  WorkerVitalsBucket,
} from '@i2v/contracts';

// The job engine's shapes as the API answers them (the contracts do not name every one as a type).
export type Job = components['schemas']['Job'];
export type JobState = Job['state'];
export type JobPriority = Job['priority'];
export type JobEvent = components['schemas']['JobEvent'];
export type JobSummary = components['schemas']['JobSummary'];
export type JobPage = components['schemas']['JobPage'];
export type JobKindInfo = components['schemas']['JobKindInfo'];
export type JobOutput = components['schemas']['JobOutput'];
export type BulkJobResult = components['schemas']['BulkJobResult'];
export type Notification = components['schemas']['Notification'];
export type NotificationPage = components['schemas']['NotificationPage'];
export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type JobSchedule = components['schemas']['JobSchedule'];
export type Budget = components['schemas']['Budget'];
export type RenderTimeline = components['schemas']['RenderTimeline'];
export type TimelineLane = RenderTimeline['lanes'][number];
export type TimelineBlock = TimelineLane['blocks'][number];
export type QueueEstimate = RenderTimeline['queue'][number];

export type UserStatusFilter = 'active' | 'inactive' | 'all';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}
