/**
 * <b>Internal, not an API:</b> may change in any release without notice.
 *
 * <p>The metrics seam: {@link com.signward.idserver.internal.metrics.SignwardMetrics} counts what the SDK does
 * under the names of {@link com.signward.idserver.internal.metrics.MetricNames}; the no-op default is replaced, per
 * application, by an implementation over the runtime's metrics API when one is present. Depends on no other package
 * of the SDK.
 */
package com.signward.idserver.internal.metrics;
