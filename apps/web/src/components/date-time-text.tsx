import { Text, type TextProps, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '@/format/date-time';

interface DateTimeTextProps extends TextProps {
  value: string | null;
  /** Relative ("2 hours ago") with the exact time on hover, or the exact time. */
  relative?: boolean;
  empty?: string;
}

export function DateTimeText({ value, relative = false, empty = '—', ...props }: DateTimeTextProps) {
  if (!value) {
    return (
      <Text size="sm" c="dimmed" {...props}>
        {empty}
      </Text>
    );
  }
  const exact = formatDateTime(value, true);
  return (
    <Tooltip label={exact}>
      <Text size="sm" component="time" dateTime={value} {...props}>
        {relative ? formatRelative(value) : formatDateTime(value)}
      </Text>
    </Tooltip>
  );
}
