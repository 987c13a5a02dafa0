// The shared component library (PRD-029): pages import from '@/components', never from the files inside.
export {
  AnnotationLayer,
  type AnnotationLayerProps,
  AnnotationShapes,
  fileAnnotationsKey,
} from './annotations';
export { AppLayout } from './app-shell/app-layout';
export { BrandMark } from './app-shell/brand-mark';
export { ColorSchemeToggle } from './app-shell/color-scheme-toggle';
export { initialsOf } from './app-shell/user-menu';
export { ConfirmDialog } from './confirm-dialog';
export { DateTimeText } from './date-time-text';
export { EmptyList } from './empty-list';
export { FullPageLoader } from './full-page-loader';
export * from './icons';
export { acceptedImageTypes, ImageDropZone, type UploadProgress } from './image-drop-zone';
export { LoadError } from './load-error';
export { LoadMore } from './load-more';
export {
  entityNotesKey,
  FrameChip,
  NotesPanel,
  type NotesPanelProps,
  PinnedNotes,
  type PinnedNotesProps,
} from './notes';
export { notifyError, notifyNews, notifySuccess, notifyWarning } from './notify';
export { Overline } from './overline';
export { PageHeader } from './page-header';
export {
  createLockstep,
  type Lockstep,
  type PlayerHandle,
  playerKeys,
  proxyUrlOf,
  spriteUrlOf,
  VideoPlayer,
  type VideoPlayerProps,
} from './player';
export { PosterControl, type PosterControlProps, type PosterOwner, usePoster } from './posters';
export { isFinishedProject, ProjectStatusBadge, projectStatusLabels } from './project-status-badge';
export { RoleBadge } from './role-badge';
export { TableSkeleton } from './table-skeleton';
export { TemporaryPasswordModal } from './temporary-password-modal';
