// A textarea that completes @mentions: typing `@` and the start of a name lists matching people; picking one writes
// `@Display Name` into the text and remembers who was meant, so the note names them by id too.
import { Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useMentionCandidates } from './notes-queries';

export interface Mentioned {
  id: string;
  displayName: string;
}

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  mentioned: Mentioned[];
  onMentionedChange: (mentioned: Mentioned[]) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
}

/** The `@…` being typed just before the caret (one space allowed, for first and last names), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@]{0,30}(?: [^\s@]{0,30})?)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** The people still named in the text. */
export function stillMentioned(text: string, mentioned: Mentioned[]): Mentioned[] {
  const lower = text.toLowerCase();
  return mentioned.filter((m) => lower.includes(`@${m.displayName.toLowerCase()}`));
}

export function MentionTextarea({
  value,
  onChange,
  mentioned,
  onMentionedChange,
  onSubmit,
  ...rest
}: MentionTextareaProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const ref = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once a picked name is in the text (set before the render that shows it). */
  const caretRef = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the text changes, right after it is on screen
  useLayoutEffect(() => {
    const at = caretRef.current;
    if (at === null || !ref.current) return;
    caretRef.current = null;
    ref.current.focus();
    ref.current.setSelectionRange(at, at);
  }, [value]);
  const [active, setActive] = useState<{ start: number; query: string } | null>(null);
  const people = useMentionCandidates(active?.query ?? null);
  const options = active ? (people.data?.items ?? []) : [];

  const track = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setActive(next);
    if (next) combobox.openDropdown();
    else combobox.closeDropdown();
  };

  const pick = (id: string) => {
    const person = options.find((p) => p.id === id);
    if (!person || !active) return;
    const caret = active.start + 1 + active.query.length;
    const inserted = `@${person.displayName} `;
    const text = value.slice(0, active.start) + inserted + value.slice(caret);
    caretRef.current = active.start + inserted.length;
    onChange(text);
    if (!mentioned.some((m) => m.id === person.id)) {
      onMentionedChange([...mentioned, { id: person.id, displayName: person.displayName }]);
    }
    setActive(null);
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false}>
      <Combobox.Target>
        <Textarea
          ref={ref}
          autosize
          minRows={2}
          maxRows={8}
          {...rest}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            track(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length);
          }}
          onClick={(e) => track(value, e.currentTarget.selectionStart ?? value.length)}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (combobox.dropdownOpened && options.length > 0) {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                combobox.selectNextOption();
                return;
              }
              if (e.key === 'ArrowUp') {
                e.preventDefault();
                combobox.selectPreviousOption();
                return;
              }
              if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                const index = combobox.getSelectedOptionIndex();
                pick(options[Math.max(index, 0)]!.id);
                return;
              }
              if (e.key === 'Escape') {
                combobox.closeDropdown();
                return;
              }
            }
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSubmit) {
              e.preventDefault();
              onSubmit();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0} data-testid="mention-options">
        <Combobox.Options>
          {options.map((p) => (
            <Combobox.Option value={p.id} key={p.id} data-testid="mention-option">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{p.displayName}</Text>
                <Text size="xs" c="dimmed">
                  {p.role}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
