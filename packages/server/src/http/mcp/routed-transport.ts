import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A JSON-RPC response (a result or an error), which the client sends to answer our requests. */
export function isResponse(message: JSONRPCMessage): message is JSONRPCMessage & { id: string | number } {
  return !('method' in message) && 'id' in message && ('result' in message || 'error' in message);
}

/** `instance:n`, the shape of the ids this server's requests carry. */
const TAGGED_ID = /^([A-Za-z0-9-]+):(\d+)$/;

/**
 * The SDK's HTTP transport with the ids of this server's own requests to the client (an
 * elicitation) tagged with the instance (`<instance>:<n>`), so the client's answer, which may be
 * POSTed to another instance of the fleet, can be routed back: an answer tagged with another
 * instance goes to `forward` (the cache bus), and one forwarded here comes in through `deliver`.
 */
export class RoutedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];

  constructor(
    readonly inner: WebStandardStreamableHTTPServerTransport,
    private readonly instance: string,
    private readonly forward: (message: JSONRPCMessage) => void,
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  async start(): Promise<void> {
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onmessage = (message, extra) => {
      if (!isResponse(message)) return this.onmessage?.(message, extra);
      const tagged = typeof message.id === 'string' ? TAGGED_ID.exec(message.id) : null;
      if (tagged && tagged[1] !== this.instance) return this.forward(message);
      this.deliver(message);
    };
    await this.inner.start();
  }

  /** An answer to one of this instance's requests (from its own POST, or forwarded by another). */
  deliver(message: JSONRPCMessage): void {
    if (!isResponse(message) || typeof message.id !== 'string') {
      this.onmessage?.(message);
      return;
    }
    const tagged = TAGGED_ID.exec(message.id);
    if (tagged?.[1] !== this.instance) return;
    this.onmessage?.({ ...message, id: Number(tagged[2]) } as JSONRPCMessage);
  }

  send(message: JSONRPCMessage, options?: Parameters<Transport['send']>[1]): Promise<void> {
    const outgoing =
      'method' in message && 'id' in message ? { ...message, id: `${this.instance}:${message.id}` } : message;
    return this.inner.send(outgoing as JSONRPCMessage, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
