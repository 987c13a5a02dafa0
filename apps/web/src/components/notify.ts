// Toasts: one look for errors and confirmations across the app.
import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { describeError, isApiError } from '@/api/api-error';
import { CheckIcon, ErrorIcon, WarningIcon } from './icons';

export function notifyError(error: unknown, title = 'Something went wrong') {
  const heading = isApiError(error) && error.title ? error.title : title;
  const message = describeError(error);
  notifications.show({
    id: `error:${message}`,
    color: 'red',
    title: heading,
    message,
    icon: createElement(ErrorIcon, { size: 18 }),
    autoClose: 6000,
  });
}

export function notifySuccess(message: string, title?: string) {
  notifications.show({
    color: 'green',
    title,
    message,
    icon: createElement(CheckIcon, { size: 18 }),
    autoClose: 4000,
  });
}

/** Something did not happen as the user expected, but nothing is broken: e.g. someone else changed it first. */
export function notifyWarning(message: string, title: string) {
  notifications.show({
    color: 'orange',
    title,
    message,
    icon: createElement(WarningIcon, { size: 18 }),
    autoClose: 8000,
  });
}

interface OutcomeToast {
  /** One toast per outcome: the same id shown twice replaces the first. */
  id: string;
  ok: boolean;
  title: string;
  message: string;
  /** Clicking the toast opens what it is about. */
  onClick?: () => void;
}

/** Something the user started has ended (a job finished or failed); gone after 5 s, clicking it opens it. */
export function notifyOutcome({ id, ok, title, message, onClick }: OutcomeToast) {
  notifications.show({
    id,
    color: ok ? 'green' : 'red',
    title,
    message,
    icon: createElement(ok ? CheckIcon : ErrorIcon, { size: 18 }),
    autoClose: 5000,
    ...(onClick && {
      onClick: () => {
        notifications.hide(id);
        onClick();
      },
      style: { cursor: 'pointer' },
      role: 'link',
    }),
  });
}
