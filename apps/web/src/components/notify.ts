// Toasts: one look for errors and confirmations across the app.
import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { describeError, isApiError } from '@/api/api-error';
import { CheckIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

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

interface NewsToast {
  /** One toast per piece of news: the same id shown twice replaces the first. */
  id: string;
  level: 'info' | 'success' | 'warning' | 'error';
  title: string;
  message: string;
  /** Clicking the toast opens what it is about. */
  onClick?: (() => void) | undefined;
}

const newsColors = { info: 'blue', success: 'green', warning: 'orange', error: 'red' } as const;
const newsIcons = { info: InfoIcon, success: CheckIcon, warning: WarningIcon, error: ErrorIcon } as const;

/** News from the studio (a job finished or failed): gone after 5 s; clicking it opens what it is about. */
export function notifyNews({ id, level, title, message, onClick }: NewsToast) {
  notifications.show({
    id,
    color: newsColors[level],
    title,
    message,
    icon: createElement(newsIcons[level], { size: 18 }),
    autoClose: 5000,
    ...(onClick && {
      onClick: () => {
        notifications.hide(id);
        onClick();
      },
      style: { cursor: 'pointer' },
    }),
  });
}
