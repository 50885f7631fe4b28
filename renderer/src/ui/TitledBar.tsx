import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A message bar with a bold first line and more under it: a sentence, or a list of what is missing. */
export function TitledBar({ intent, title, children }: { intent: NonNullable<MessageBarProps['intent']>; title: string; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
