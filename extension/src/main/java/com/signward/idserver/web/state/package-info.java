/**
 * Internal: the small key-value store with time-to-live behind the browser login's shared state (back-channel
 * logout markers, the logout-token replay cache, refresh leases): in memory on one node, or the runtime's JCache
 * (JSR 107) for a cluster. Not a public API.
 */
package com.signward.idserver.web.state;
