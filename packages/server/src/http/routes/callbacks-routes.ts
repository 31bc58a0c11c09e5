import { Type } from '@sinclair/typebox';
import { DEFAULT_RESPONSE_CAP_BYTES } from '@toolgate/core';
import { ApiError } from '../api-error.js';
import { type ApiRoute, defineRoute } from '../api-route.js';
import { ErrorBody } from '../schemas/shared.js';

/** Tokens look like `tgcb_` + 43 base64url characters; anything else cannot be one. */
const TOKEN_PATTERN = /^tgcb_[A-Za-z0-9_-]{20,100}$/;

/** Async actions' callbacks: the token in the path is the credential, no API key is needed. */
export const callbacksRoutes: ApiRoute[] = [
  defineRoute({
    method: 'post',
    path: '/callbacks/{token}',
    summary:
      "An async action's endpoint POSTs its result here, once, before the deadline; the agent then follows up in the conversation",
    tag: 'callbacks',
    scope: null,
    body: Type.Unknown({
      description: 'The result, as a sync answer would be: {data}, {message} (said verbatim), or any JSON.',
    }),
    emptyBody: {},
    responses: {
      200: Type.Object({ status: Type.Literal('answered') }, { additionalProperties: false }),
      404: ErrorBody,
      409: ErrorBody,
      410: ErrorBody,
      413: ErrorBody,
    },
    async handler(c, { asyncCalls }, { body }) {
      const token = c.req.param('token') ?? '';
      // One answer for every token that is not a pending call's: no oracle of which tokens exist.
      const notFound = new ApiError('not_found', 'there is no callback at this address');
      if (!TOKEN_PATTERN.test(token)) throw notFound;
      const text = JSON.stringify(body);
      if (Buffer.byteLength(text) > DEFAULT_RESPONSE_CAP_BYTES) {
        throw new ApiError(
          'payload_too_large',
          `the result is over ${DEFAULT_RESPONSE_CAP_BYTES} bytes of JSON, the cap of an action's answer`,
        );
      }
      const outcome = await asyncCalls.answer(token, text);
      if (outcome.ok) return c.json({ status: 'answered' as const });
      if (outcome.refusal === 'used')
        throw new ApiError('callback_used', 'this callback was already answered; a result is accepted once');
      if (outcome.refusal === 'expired')
        throw new ApiError(
          'callback_expired',
          "this call's deadline passed; the agent already told the customer",
        );
      throw notFound;
    },
  }),
];
