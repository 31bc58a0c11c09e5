/** The version of the HTTP API, in its OpenAPI document and the MCP server's name. */
export const API_VERSION = '0.1.0';
