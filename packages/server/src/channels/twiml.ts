/** Characters XML 1.0 cannot hold at all (controls other than tab, newline, return; lone surrogates). */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML element: markup escaped, characters XML cannot hold removed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/**
 * A TwiML answer to an incoming SMS: one `<Message>` with the reply, or an empty `<Response/>`
 * (nothing is sent back) when there is no reply.
 *
 * @example
 * twimlMessage('Your order <ORD-1> shipped'); // '<?xml ...?><Response><Message>Your order &lt;ORD-1&gt; shipped</Message></Response>'
 */
export function twimlMessage(reply: string | undefined): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  if (reply === undefined || reply.trim() === '') return `${head}<Response/>`;
  return `${head}<Response><Message>${escapeXml(reply)}</Message></Response>`;
}
