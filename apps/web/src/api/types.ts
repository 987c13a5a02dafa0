// The API's data shapes, as the shared contracts define them.
export type {
  AuditEvent,
  Character,
  CharacterImport,
  CharacterSummary,
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
  Session,
  SystemHealth,
  User,
  Worker,
  WorkerEvent,
  WorkerVitals,
  WorkerVitalsBucket,
} from '@i2v/contracts';

export type UserStatusFilter = 'active' | 'inactive' | 'all';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}
