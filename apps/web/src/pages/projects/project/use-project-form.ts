// One edit form of a project page: starts from the server's values, saves with `If-Match`, and explains a refusal
// (someone else changed the project first, or it became locked) instead of losing it in a generic toast.
import { type FormValidateInput, useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { isApiError } from '@/api/api-error';
import { applyProblemToForm } from '@/api/form-errors';
import type { Project } from '@/api/types';
import { notifyError, notifySuccess, notifyWarning } from '@/components';
import {
  type ProjectEdit,
  useReloadProject,
  useUpdateProject,
  type VersionedProject,
} from '../project-queries';

interface ProjectFormOptions<V extends Record<string, unknown>> {
  versioned: VersionedProject;
  /** The form's values from a project; shaped like the PATCH body, so server field errors land on fields. */
  valuesOf: (project: Project) => V;
  /** Field paths as the form names them, e.g. `retention.trashGraceDays`. */
  fields: readonly string[];
  validate?: FormValidateInput<V>;
  /** A whole-request error code and the field it belongs to, e.g. `project.name_taken` → `name`. */
  codeFields?: Record<string, string>;
  /** What the success toast says. */
  savedMessage: string;
  /** Turns the form's values into the body to send (trimming, number parsing). */
  toEdit: (values: V) => ProjectEdit;
}

export function useProjectForm<V extends Record<string, unknown>>(options: ProjectFormOptions<V>) {
  const { versioned, valuesOf } = options;
  const serverValues = valuesOf(versioned.data);
  const form = useForm<V>({ mode: 'controlled', initialValues: serverValues, validate: options.validate });
  const update = useUpdateProject(versioned);
  const reload = useReloadProject(versioned.data.id);

  // When the project changes on the server (another form saved, a transition, a reload), its values become the
  // baseline; what the user is typing stays unless the form had no unsaved edits.
  const serialized = JSON.stringify(serverValues);
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => {
    const current = formRef.current;
    const next = JSON.parse(serialized) as V;
    const unsaved = current.isDirty();
    current.setInitialValues(next);
    if (!unsaved) current.setValues(next);
  }, [serialized]);

  const save = (values: V) =>
    update.mutate(options.toEdit(values), {
      onSuccess: ({ data }) => {
        const saved = valuesOf(data);
        form.setInitialValues(saved);
        form.setValues(saved);
        notifySuccess(options.savedMessage);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'request.version_conflict') {
          notifyWarning(
            'Your change was not saved. The latest version is shown now; make your change again if it is still needed.',
            'Someone else changed this project',
          );
          form.reset();
          void reload();
          return;
        }
        if (isApiError(error) && (error.code === 'project.locked' || error.code === 'project.deleted')) {
          notifyError(error, 'The project cannot be edited now');
          form.reset();
          void reload();
          return;
        }
        if (!applyProblemToForm(form, error, options.fields, options.codeFields)) {
          notifyError(error, 'Could not save the project');
        }
      },
    });

  return { form, submit: form.onSubmit(save), saving: update.isPending };
}
