import type { StoredMessage } from '../stores/conversation-store.js';

/** One transcript line as the API shows it: text, tool calls, results, each call linked to the log. */
export function toTranscriptEntry(message: StoredMessage) {
  const content = message.content;
  const call = message.call ? { ...message.call, href: `/api/v1/calls/${message.call.id}` } : null;
  const base = { seq: message.seq, role: message.role, at: message.at };
  switch (message.role) {
    case 'user':
      return { ...base, text: String(content.content ?? '') };
    case 'assistant':
      return {
        ...base,
        text: String(content.content ?? ''),
        ...(Array.isArray(content.toolCalls) && content.toolCalls.length > 0
          ? { toolCalls: content.toolCalls }
          : {}),
      };
    case 'tool':
      return { ...base, toolName: String(content.toolName ?? ''), content: content.content, call };
    default:
      return { ...base, content, call };
  }
}
