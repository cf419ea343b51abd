/** Coordinated-behaviour detection over social-media posts: framework-free, filled by the monitoring issue. */
package org.vigie.detect;
