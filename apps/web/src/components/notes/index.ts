// Notes on any entity (PRD-038/095): the panel, pinned banners and their queries.
export { type Mentioned, MentionTextarea } from './mention-textarea';
export { categoryLabels, failureTagLabels } from './note-labels';
export { FrameChip, NotesPanel, type NotesPanelProps } from './notes-panel';
export { entityNotesKey, type NoteTarget } from './notes-queries';
export { PinnedNotes, type PinnedNotesProps } from './pinned-notes';
