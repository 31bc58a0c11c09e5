/**
 * Test doubles for Toolgate's tests, as `@toolgate/core/test`: loopback protocol servers, a
 * loopback-only dialler, scripted models, a test executor and certificate. Source only (TypeScript,
 * needs vitest and selfsigned): never built into dist nor part of the root import `@toolgate/core`.
 */
export * from './anthropic-protocol-server.js';
export * from './chat-model-conformance.js';
export * from './loopback-https-server.js';
export * from './loopback-only-dial.js';
export * from './openai-protocol-server.js';
export * from './order-desk-brain.js';
export * from './order-desk-conversation.js';
export * from './protocol-conversation.js';
export * from './protocol-server.js';
export * from './scripted-model.js';
export * from './secret-echo.js';
export * from './test-certificate.js';
export * from './test-executor.js';
