import { lookup } from 'node:dns/promises';

/** Turns a host name into the addresses it resolves to. An empty list means "does not resolve". */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

/**
 * The system resolver (getaddrinfo, so /etc/hosts counts), every answer in resolver order.
 *
 * @example
 * await systemResolver('example.com'); // ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']
 */
export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
};
