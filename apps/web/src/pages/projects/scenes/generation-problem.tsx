// What a refused generation action means and what to do about it: the problem's field (`sceneType.workflowVersionId`,
// `character.heroes.casual`…) becomes a sentence naming the fix, with a link to where it is made.
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { describeError, isApiError } from '@/api/api-error';
import { ErrorIcon } from '@/components';

export interface ProblemPlaces {
  /** The scene type page, for a problem of the scene type. */
  sceneType: string;
  /** The character page, for a missing hero. */
  character: string;
}

export interface ProblemHint {
  title: string;
  detail: string;
  link: { to: string; label: string } | null;
  /** A conflict (someone or something else holds the scene) rather than a mistake. */
  conflict: boolean;
}

export function problemHint(error: unknown, fallbackTitle: string, places: ProblemPlaces): ProblemHint {
  const detail = describeError(error);
  if (!isApiError(error)) return { title: fallbackTitle, detail, link: null, conflict: false };
  const field = error.fieldErrors[0]?.field ?? '';
  const toSceneType = { to: places.sceneType, label: 'Open the scene type' };
  const hint = (title: string, link: ProblemHint['link'] = null): ProblemHint => ({
    title,
    detail,
    link,
    conflict: error.status === 409,
  });
  if (field === 'sceneType.workflowVersionId')
    return hint('Pin a workflow version on the scene type', toSceneType);
  if (field === 'sceneType.transitionWorkflowVersionId')
    return hint('Pin a transition workflow version on the scene type', toSceneType);
  if (field.startsWith('sceneType.slotBindings.'))
    return hint(
      `Bind the slot “${field.slice('sceneType.slotBindings.'.length)}” on the scene type`,
      toSceneType,
    );
  if (field.startsWith('sceneType.')) return hint('Fix the scene type before generating', toSceneType);
  if (field.startsWith('character.heroes.')) {
    return hint(`Approve a “${field.slice('character.heroes.'.length)}” hero image for the character`, {
      to: places.character,
      label: 'Open the character',
    });
  }
  if (field === 'body.targetSeconds') return hint('Ask for a target of at least one segment');
  if (field === 'body.frameIndex') return hint('Choose a frame inside the segment');
  switch (error.code) {
    case 'scene.generation_running':
      return hint('The scene is being generated');
    case 'scene.no_generation':
      return hint('The scene is not being generated');
    case 'segment.wrong_state':
      return hint('The segment cannot do that now');
    case 'auth.forbidden':
      return hint('Your role may not do this');
    default:
      return hint(fallbackTitle);
  }
}

/** A refused action, shown where it was asked for. */
export function ProblemAlert({
  error,
  fallbackTitle,
  places,
  onClose,
}: {
  error: unknown;
  fallbackTitle: string;
  places: ProblemPlaces;
  onClose?: () => void;
}) {
  const h = problemHint(error, fallbackTitle, places);
  return (
    <Alert
      color={h.conflict ? 'orange' : 'red'}
      variant="light"
      icon={<ErrorIcon size={18} />}
      title={h.title}
      role="alert"
      data-testid="generation-problem"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel="Dismiss"
    >
      <Stack gap={4}>
        <Text size="sm">{h.detail}</Text>
        {h.link && (
          <Anchor component={Link} to={h.link.to} size="sm">
            {h.link.label}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
