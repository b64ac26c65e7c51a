/**
 * Endpoints that exist only in the local server, never in template.yaml or on AWS: a token mint
 * standing in for signing in to Cognito ({@code POST /_local/token}), the demo users
 * ({@code GET /_local/demo-users}) and the API's docs ({@code /_local/docs}). The first two hand
 * out identities, so they answer only the server's own pages: no CORS headers, and a 403 to any
 * other origin ({@link SameOrigin}, through {@link OwnPagesEndpoint}).
 */
package dev.stride.local.localonly;
