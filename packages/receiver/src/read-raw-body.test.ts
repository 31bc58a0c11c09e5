import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRawBody } from './read-raw-body.js';
import { ReceiverError } from './receiver-error.js';

const bytes = Buffer.from('{"name":"Zoë"}');

describe('readRawBody', () => {
  it('reads Node streams, Web streams and async iterables to the exact bytes', async () => {
    expect(await readRawBody(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]))).toEqual(bytes);
    expect(await readRawBody(new Blob([bytes]).stream())).toEqual(bytes);
    async function* chunks() {
      yield '{"name":';
      yield new Uint8Array(Buffer.from('"Zoë"}'));
    }
    expect(await readRawBody(chunks())).toEqual(bytes);
  });

  it('reads nothing from no body', async () => {
    expect(await readRawBody(null)).toEqual(Buffer.alloc(0));
    expect(await readRawBody(undefined)).toEqual(Buffer.alloc(0));
    expect(await readRawBody(Readable.from([]))).toEqual(Buffer.alloc(0));
  });

  it('stops past the cap with body_too_large, pausing (not destroying) a Node stream', async () => {
    const stream = new PassThrough();
    const reading = readRawBody(stream, { maxBytes: 10 });
    stream.write(Buffer.alloc(8));
    stream.write(Buffer.alloc(8));
    await expect(reading).rejects.toMatchObject({ code: 'body_too_large' });
    expect(stream.destroyed).toBe(false);
    expect(stream.isPaused()).toBe(true);
    await expect(readRawBody(new Blob([Buffer.alloc(11)]).stream(), { maxBytes: 10 })).rejects.toBeInstanceOf(
      ReceiverError,
    );
    expect(await readRawBody(Readable.from([Buffer.alloc(10)]), { maxBytes: 10 })).toHaveLength(10);
  });

  it('passes stream errors on', async () => {
    const stream = new PassThrough();
    const reading = readRawBody(stream);
    stream.destroy(new Error('socket hang up'));
    await expect(reading).rejects.toThrow('socket hang up');
  });
});
