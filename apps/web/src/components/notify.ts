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
